// The journal's figures as metrics (DESIGN §6: queue depth and flush lag), set on each
// scrape so /metrics shows them without the metrics knowing the journal.
#pragma once

#include "gateway/base/metrics.hpp"
#include "gateway/journal/journal.hpp"

namespace ehall {

void publish_journal_stats(Metrics& metrics, const Journal::Stats& stats);

}  // namespace ehall
