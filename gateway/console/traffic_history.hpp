// The last minutes of live traffic for the ops console: every `interval` a snapshot of the
// result counters and the journal's queue, kept for `keep` snapshots; rates are the
// differences between neighbours. In memory and per instance on purpose: it describes this
// process, like /metrics.
#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <chrono>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "gateway/base/metrics.hpp"
#include "gateway/base/periodic_task.hpp"
#include "gateway/journal/journal.hpp"

namespace ehall {

class TrafficHistory {
  public:
    TrafficHistory(boost::asio::any_io_executor executor, Metrics& metrics, Journal& journal,
                   std::chrono::seconds interval = std::chrono::seconds(5), std::size_t keep = 61)
        : sampler_(std::move(executor), interval, [this] { sample(); }),
          metrics_(metrics),
          journal_(journal),
          keep_(keep) {}

    void start();  // samples now and then every interval, until stop()
    void stop();
    void sample();

    struct Point {
        std::int64_t at_ms = 0;
        std::map<std::string, double> per_channel;  // results per second
        std::map<std::string, double> per_plugin;   // results per second
        double error_rate = 0;                      // errors / results in the interval
        double queue_depth = 0;                     // journal records waiting
        double flush_lag_ms = 0;                    // age of the oldest waiting record
    };
    // One point per interval between consecutive snapshots, oldest first.
    std::vector<Point> points() const;

  private:
    struct Snapshot {
        std::int64_t at_ms = 0;
        std::map<std::string, std::uint64_t> per_channel;
        std::map<std::string, std::uint64_t> per_plugin;
        std::uint64_t total = 0;
        std::uint64_t errors = 0;
        double queue_depth = 0;
        double flush_lag_ms = 0;
    };
    PeriodicTask sampler_;
    Metrics& metrics_;
    Journal& journal_;
    std::size_t keep_;
    mutable std::mutex mutex_;
    std::deque<Snapshot> snapshots_;
};

}  // namespace ehall
