#include "gateway/sliding_window_limit.hpp"

namespace ehall {

namespace {

constexpr std::chrono::seconds window{60};

}  // namespace

bool SlidingWindowLimit::allow(const std::string& key, Clock::time_point now) {
    if (limit_ == 0)
        return true;
    std::lock_guard lock(mutex_);
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
    if (events.size() >= limit_)
        return false;
    events.push_back(now);
    return true;
}

}  // namespace ehall
