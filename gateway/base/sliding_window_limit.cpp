#include "gateway/base/sliding_window_limit.hpp"

namespace ehall {

namespace {

constexpr std::chrono::seconds window{60};

}  // namespace

bool SlidingWindowLimit::reached(const std::string& key, Clock::time_point now) {
    if (limit_ == 0)
        return false;
    std::lock_guard lock(mutex_);
    return recent(key, now).size() >= limit_;
}

void SlidingWindowLimit::add(const std::string& key, Clock::time_point now) {
    if (limit_ == 0)
        return;
    std::lock_guard lock(mutex_);
    recent(key, now).push_back(now);
}

std::deque<SlidingWindowLimit::Clock::time_point>& SlidingWindowLimit::recent(
    const std::string& key, Clock::time_point now) {
    if (now - swept_ >= window) {
        // Keys quiet for a whole window are forgotten, so many addresses do not pile up.
        std::erase_if(events_, [&](const auto& entry) {
            return entry.second.empty() || now - entry.second.back() >= window;
        });
        swept_ = now;
    }
    auto& events = events_[key];
    while (!events.empty() && now - events.front() >= window)
        events.pop_front();
    return events;
}

}  // namespace ehall
