// Fixed one-minute windows of requests per key (customer and channel), in memory: a
// per-instance guard against runaway clients, not an accounting record.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace ehall {

class RateLimiter {
  public:
    explicit RateLimiter(unsigned per_minute) : per_minute_(per_minute) {}
    // True when `key` may make one more request now; 0 per minute means no limit.
    bool allow(const std::string& key, std::chrono::steady_clock::time_point now);

  private:
    struct Window {
        std::int64_t minute = 0;
        unsigned count = 0;
    };
    unsigned per_minute_;
    std::mutex mutex_;
    std::unordered_map<std::string, Window> windows_;
    std::int64_t swept_minute_ = 0;
};

}  // namespace ehall
