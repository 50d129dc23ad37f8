// Counters and histograms for GET /metrics, rendered in the Prometheus text format 0.0.4.
// Every request updates them, so an update is a mutex and a map lookup; allocation only
// happens the first time a label set is seen.
#pragma once

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace ehall {

class Metrics {
  public:
    // Upper bounds of the latency histogram's buckets, in microseconds (+Inf is implicit).
    static constexpr std::array<std::int64_t, 13> kLatencyBucketsUs = {
        500,    1000,   2500,   5000,    10000,   25000,  50000,
        100000, 250000, 500000, 1000000, 2500000, 5000000};

    void observe_request(std::string_view route, unsigned status,
                         std::chrono::microseconds latency);
    void count_result(std::string_view plugin, std::string_view operation, std::string_view channel,
                      std::string_view code);
    // Sets an ad-hoc gauge such as open connections, or a counter another component keeps
    // (the journal's records written). `name` must be a valid metric name (throws
    // std::invalid_argument otherwise); `help` is kept from the first call.
    void set_gauge(std::string_view name, std::string_view help, double value);
    void set_counter(std::string_view name, std::string_view help, double value);

    // Everything in the Prometheus text format.
    std::string render() const;

    // Results so far per plugin and channel, and how many of them were errors (journal
    // outcome "error": we failed), for the ops console's traffic charts.
    struct ResultCount {
        std::string plugin;
        std::string channel;
        std::uint64_t total = 0;
        std::uint64_t errors = 0;
    };
    std::vector<ResultCount> result_counts() const;
    // The latest error result of each plugin since start.
    struct LastError {
        std::string operation;
        std::string channel;
        std::string code;
        std::int64_t at_ms = 0;
    };
    std::map<std::string, LastError> last_errors() const;

  private:
    struct RouteStats {
        std::map<unsigned, std::uint64_t> by_status;
        std::array<std::uint64_t, kLatencyBucketsUs.size() + 1> buckets{};  // not cumulative
        std::uint64_t count = 0;
        std::int64_t sum_us = 0;
    };
    using ResultKey = std::array<std::string, 4>;  // plugin, operation, channel, code
    // Compares ResultKey with an array of string_views, so lookups do not allocate.
    struct LabelsLess {
        using is_transparent = void;
        template <typename A, typename B>
        bool operator()(const A& a, const B& b) const {
            return std::lexicographical_compare(
                a.begin(), a.end(), b.begin(), b.end(),
                [](std::string_view x, std::string_view y) { return x < y; });
        }
    };
    void set_sample(std::string_view name, std::string_view type, std::string_view help,
                    double value);

    struct Gauge {
        std::string type;  // gauge or counter
        std::string help;
        double value = 0;
    };

    mutable std::mutex requests_mutex_;
    std::map<std::string, RouteStats, std::less<>> routes_;
    mutable std::mutex results_mutex_;
    std::map<ResultKey, std::uint64_t, LabelsLess> results_;
    std::map<std::string, LastError, std::less<>> last_errors_;  // by plugin, under results_mutex_
    mutable std::mutex gauges_mutex_;
    std::map<std::string, Gauge, std::less<>> gauges_;
};

}  // namespace ehall
