#include "gateway/console/traffic_history.hpp"

#include <ehall/clock.hpp>

namespace ehall {

void TrafficHistory::start() {
    sample();
    sampler_.start();
}

void TrafficHistory::stop() {
    sampler_.stop();
}

void TrafficHistory::sample() {
    Snapshot snapshot;
    snapshot.at_ms = now_ms();
    for (const auto& count : metrics_.result_counts()) {
        snapshot.per_channel[count.channel] += count.total;
        snapshot.per_plugin[count.plugin] += count.total;
        snapshot.total += count.total;
        snapshot.errors += count.errors;
    }
    const auto stats = journal_.stats();
    snapshot.queue_depth = static_cast<double>(stats.queue_depth);
    snapshot.flush_lag_ms = stats.flush_lag_seconds * 1000;
    std::lock_guard lock(mutex_);
    snapshots_.push_back(std::move(snapshot));
    while (snapshots_.size() > keep_)
        snapshots_.pop_front();
}

std::vector<TrafficHistory::Point> TrafficHistory::points() const {
    std::lock_guard lock(mutex_);
    std::vector<Point> points;
    for (std::size_t i = 1; i < snapshots_.size(); ++i) {
        const Snapshot& before = snapshots_[i - 1];
        const Snapshot& after = snapshots_[i];
        const double seconds = std::max<std::int64_t>(1, after.at_ms - before.at_ms) / 1000.0;
        auto rates = [&](const auto& now, const auto& then) {
            std::map<std::string, double> out;
            for (const auto& [name, count] : now) {
                auto old = then.find(name);
                out[name] = (count - (old == then.end() ? 0 : old->second)) / seconds;
            }
            return out;
        };
        Point point;
        point.at_ms = after.at_ms;
        point.per_channel = rates(after.per_channel, before.per_channel);
        point.per_plugin = rates(after.per_plugin, before.per_plugin);
        const auto results = after.total - before.total;
        point.error_rate =
            results == 0 ? 0 : static_cast<double>(after.errors - before.errors) / results;
        point.queue_depth = after.queue_depth;
        point.flush_lag_ms = after.flush_lag_ms;
        points.push_back(std::move(point));
    }
    return points;
}

}  // namespace ehall
