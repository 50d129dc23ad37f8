// A customer's recent interactions on every channel (the halls' "my records"), read from
// the journal file (read-only: the customer's entries in the summary file, and the rows written
// since its last pass) plus the customer's records still queued in memory, so a just-made payment
// shows without making the request wait for a flush.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ehall {

class Journal;

struct InteractionLine {
    std::int64_t ts_ms = 0;
    std::string channel;
    std::string plugin;
    std::string operation;
    std::string outcome;
    std::string code;
    std::optional<std::int64_t> amount_fen;
    std::string request_id;  // with the rest, tells a queued record from its written copy
};

// Newest first, at most `limit`.
std::vector<InteractionLine> recent_interactions(const Journal& journal, const std::string& msisdn,
                                                 int limit);

}  // namespace ehall
