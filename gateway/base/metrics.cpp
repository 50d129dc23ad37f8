#include "gateway/base/metrics.hpp"

#include <charconv>
#include <cmath>
#include <initializer_list>
#include <stdexcept>
#include <string>

#include <ehall/clock.hpp>
#include "gateway/base/result_codes.hpp"

namespace ehall {
namespace {

// The bucket bounds as Prometheus `le` label values, matching kLatencyBucketsUs.
constexpr std::array<std::string_view, 14> kLatencyBucketLabels = {
    "0.0005", "0.001", "0.0025", "0.005", "0.01", "0.025", "0.05",
    "0.1",    "0.25",  "0.5",    "1",     "2.5",  "5",     "+Inf"};

bool valid_metric_name(std::string_view name) {
    if (name.empty())
        return false;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const char c = name[i];
        const bool letter =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
        if (!letter && !(i > 0 && c >= '0' && c <= '9'))
            return false;
    }
    return true;
}

// Label values escape backslash, double quote and newline; HELP text only the first and last.
void append_escaped(std::string& out, std::string_view value, bool quote) {
    for (const char c : value) {
        if (c == '\\') {
            out += "\\\\";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '"' && quote) {
            out += "\\\"";
        } else {
            out += c;
        }
    }
}

std::string format_number(double value) {
    if (std::isnan(value))
        return "NaN";
    if (std::isinf(value))
        return value > 0 ? "+Inf" : "-Inf";
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

void append_header(std::string& out, std::string_view name, std::string_view type,
                   std::string_view help) {
    out += "# HELP ";
    out += name;
    out += ' ';
    append_escaped(out, help, false);
    out += "\n# TYPE ";
    out += name;
    out += ' ';
    out += type;
    out += '\n';
}

// Appends `name{k1="v1",...} value\n`; `labels` alternate keys and values.
void append_sample(std::string& out, std::string_view name,
                   std::initializer_list<std::string_view> labels, std::string_view value) {
    out += name;
    if (labels.size() > 0) {
        out += '{';
        bool key = true;
        bool first = true;
        for (const std::string_view part : labels) {
            if (key) {
                if (!first)
                    out += ',';
                first = false;
                out += part;
                out += "=\"";
            } else {
                append_escaped(out, part, true);
                out += '"';
            }
            key = !key;
        }
        out += '}';
    }
    out += ' ';
    out += value;
    out += '\n';
}

}  // namespace

void Metrics::observe_request(std::string_view route, unsigned status,
                              std::chrono::microseconds latency) {
    const std::int64_t us = latency.count();
    const auto bound =
        std::lower_bound(kLatencyBucketsUs.begin(), kLatencyBucketsUs.end(), us);  // le: <=
    const auto bucket = static_cast<std::size_t>(bound - kLatencyBucketsUs.begin());
    std::lock_guard lock(requests_mutex_);
    auto it = routes_.find(route);
    if (it == routes_.end())
        it = routes_.emplace(std::string(route), RouteStats{}).first;
    RouteStats& stats = it->second;
    ++stats.by_status[status];
    ++stats.buckets[bucket];
    ++stats.count;
    stats.sum_us += us;
}

void Metrics::count_result(std::string_view plugin, std::string_view operation,
                           std::string_view channel, std::string_view code) {
    const std::array<std::string_view, 4> key = {plugin, operation, channel, code};
    std::lock_guard lock(results_mutex_);
    auto it = results_.find(key);
    if (it == results_.end()) {
        ResultKey owned = {std::string(plugin), std::string(operation), std::string(channel),
                           std::string(code)};
        it = results_.emplace(std::move(owned), 0).first;
    }
    ++it->second;
    if (outcome_for(code) == "error") {
        last_errors_[std::string(plugin)] = {std::string(operation), std::string(channel),
                                             std::string(code), now_ms()};
    }
}

std::vector<Metrics::ResultCount> Metrics::result_counts() const {
    std::map<std::pair<std::string, std::string>, ResultCount> grouped;
    {
        std::lock_guard lock(results_mutex_);
        for (const auto& [key, count] : results_) {
            auto& entry = grouped[{key[0], key[2]}];
            entry.total += count;
            if (outcome_for(key[3]) == "error")
                entry.errors += count;
        }
    }
    std::vector<ResultCount> counts;
    for (auto& [plugin_channel, entry] : grouped) {
        entry.plugin = plugin_channel.first;
        entry.channel = plugin_channel.second;
        counts.push_back(std::move(entry));
    }
    return counts;
}

std::map<std::string, Metrics::LastError> Metrics::last_errors() const {
    std::lock_guard lock(results_mutex_);
    return {last_errors_.begin(), last_errors_.end()};
}

void Metrics::set_gauge(std::string_view name, std::string_view help, double value) {
    set_sample(name, "gauge", help, value);
}

void Metrics::set_counter(std::string_view name, std::string_view help, double value) {
    set_sample(name, "counter", help, value);
}

void Metrics::set_sample(std::string_view name, std::string_view type, std::string_view help,
                         double value) {
    std::lock_guard lock(gauges_mutex_);
    auto it = gauges_.find(name);
    if (it == gauges_.end()) {
        if (!valid_metric_name(name)) {
            throw std::invalid_argument("invalid metric name: " + std::string(name));
        }
        it = gauges_.emplace(std::string(name), Gauge{std::string(type), std::string(help), 0})
                 .first;
    }
    it->second.value = value;
}

std::string Metrics::render() const {
    std::string out;
    out.reserve(4096);
    {
        std::lock_guard lock(requests_mutex_);
        append_header(out, "ehall_http_requests_total", "counter",
                      "HTTP requests served, by route and status.");
        for (const auto& [route, stats] : routes_) {
            for (const auto& [status, count] : stats.by_status) {
                const std::string code = std::to_string(status);
                append_sample(out, "ehall_http_requests_total", {"route", route, "status", code},
                              std::to_string(count));
            }
        }
        append_header(out, "ehall_http_request_duration_seconds", "histogram",
                      "HTTP request latency, by route.");
        for (const auto& [route, stats] : routes_) {
            std::uint64_t cumulative = 0;
            for (std::size_t i = 0; i < stats.buckets.size(); ++i) {
                cumulative += stats.buckets[i];
                append_sample(out, "ehall_http_request_duration_seconds_bucket",
                              {"route", route, "le", kLatencyBucketLabels[i]},
                              std::to_string(cumulative));
            }
            append_sample(out, "ehall_http_request_duration_seconds_sum", {"route", route},
                          format_number(static_cast<double>(stats.sum_us) / 1e6));
            append_sample(out, "ehall_http_request_duration_seconds_count", {"route", route},
                          std::to_string(stats.count));
        }
    }
    {
        std::lock_guard lock(results_mutex_);
        append_header(out, "ehall_plugin_results_total", "counter",
                      "Plugin operation results, by plugin, operation, channel and code.");
        for (const auto& [key, count] : results_) {
            append_sample(
                out, "ehall_plugin_results_total",
                {"plugin", key[0], "operation", key[1], "channel", key[2], "code", key[3]},
                std::to_string(count));
        }
    }
    const auto append_unlabelled = [&out](std::string_view name, std::string_view type,
                                          std::string_view help, const std::string& value) {
        append_header(out, name, type, help);
        append_sample(out, name, {}, value);
    };
    {
        std::lock_guard lock(gauges_mutex_);
        for (const auto& [name, gauge] : gauges_)
            append_unlabelled(name, gauge.type, gauge.help, format_number(gauge.value));
    }
    return out;
}

}  // namespace ehall
