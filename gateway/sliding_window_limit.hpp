// At most `limit` events per key in any 60 seconds, counted in memory (per instance). Unlike
// RateLimiter's fixed minutes, a burst cannot straddle two windows to get twice the limit:
// for sign-ins, where each event costs a slow password hash.
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
    // True (and counted) when `key` has had fewer than `limit` events in the last 60 s;
    // always true when the limit is 0.
    bool allow(const std::string& key, Clock::time_point now);

  private:
    unsigned limit_;
    std::mutex mutex_;
    std::unordered_map<std::string, std::deque<Clock::time_point>> events_;
    Clock::time_point swept_{};
};

}  // namespace ehall
