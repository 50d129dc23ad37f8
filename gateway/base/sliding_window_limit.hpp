// At most `limit` events per key in any 60 seconds, counted in memory (per instance). Unlike
// RateLimiter's fixed minutes, a burst cannot straddle two windows to get twice the limit:
// for failed sign-ins, where each event may have cost a slow password hash.
#pragma once

#include <chrono>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

namespace ehall {

class SlidingWindowLimit {
  public:
    using Clock = std::chrono::steady_clock;
    explicit SlidingWindowLimit(unsigned limit) : limit_(limit) {}
    // True when `key` has had `limit` events in the last 60 s; never when the limit is 0.
    bool reached(const std::string& key, Clock::time_point now);
    // Counts one event of `key` at `now`.
    void add(const std::string& key, Clock::time_point now);

  private:
    // The key's events still inside the window at `now`; the mutex is held.
    std::deque<Clock::time_point>& recent(const std::string& key, Clock::time_point now);

    unsigned limit_;
    std::mutex mutex_;
    std::unordered_map<std::string, std::deque<Clock::time_point>> events_;
    Clock::time_point swept_{};
};

}  // namespace ehall
