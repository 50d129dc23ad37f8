#include "gateway/journal/journal_metrics.hpp"

namespace ehall {

void publish_journal_stats(Metrics& metrics, const Journal::Stats& stats) {
    metrics.set_gauge("ehall_journal_queue_depth", "Interaction records waiting to be written.",
                      static_cast<double>(stats.queue_depth));
    metrics.set_gauge("ehall_journal_flush_lag_seconds",
                      "Age of the oldest interaction record waiting to be written.",
                      stats.flush_lag_seconds);
    metrics.set_gauge("ehall_journal_summary_lag_seconds",
                      "How long ago the journal's summary file last covered every written record.",
                      stats.summary_lag_seconds);
    metrics.set_counter("ehall_journal_written_total", "Interaction records written.",
                        static_cast<double>(stats.written));
    metrics.set_counter("ehall_journal_dropped_total",
                        "Interaction records dropped (queue full, invalid, or after shutdown).",
                        static_cast<double>(stats.dropped));
    metrics.set_counter("ehall_journal_write_errors_total",
                        "Failed journal batch writes (the batch is retried).",
                        static_cast<double>(stats.write_errors));
    metrics.set_counter("ehall_journal_batches_total", "Journal transactions committed.",
                        static_cast<double>(stats.batches));
}

}  // namespace ehall
