// A customer's recent interactions on every channel (the halls' "my records"), read from
// the journal (Journal::written_for) plus the customer's records still queued in memory, so a
// just-made payment shows without making the request wait for a flush.
#pragma once

#include <string>
#include <vector>

#include "gateway/journal/interaction_record.hpp"

namespace ehall {

class Journal;

// Newest first, at most `limit`.
std::vector<InteractionLine> recent_interactions(const Journal& journal, const std::string& msisdn,
                                                 int limit);

}  // namespace ehall
