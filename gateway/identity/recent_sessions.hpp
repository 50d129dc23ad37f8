// Sessions found in the store moments ago, so a busy customer's requests do not each read
// the sessions table. Only live sessions are kept, each for at most `keep_for` after it was
// read; a close in this process forgets it at once, one in another instance (DESIGN §9) is
// seen within `keep_for`.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "gateway/identity/customer_session.hpp"

namespace ehall {

class RecentSessions {
  public:
    using Clock = std::chrono::steady_clock;
    struct Entry {
        CustomerSession session;
        std::int64_t last_seen_ms = 0;
        std::int64_t expires_ms = 0;
        Clock::time_point read_at{};  // when the store said so
    };

    explicit RecentSessions(std::chrono::milliseconds keep_for) : keep_for_(keep_for) {}

    bool enabled() const { return keep_for_.count() > 0; }
    // The entry of `token_hash` when read recently and not expired at `now_ms`.
    std::optional<Entry> find(const std::string& token_hash, std::int64_t now_ms);
    // How many sessions were forgotten so far: take it before reading the store and hand it
    // to remember(), so a session closed meanwhile is not remembered again.
    std::uint64_t closes() const;
    void remember(const std::string& token_hash, Entry entry, std::uint64_t closes_before);
    void forget(const std::string& token_hash);

  private:
    void drop_stale(Clock::time_point now);

    std::chrono::milliseconds keep_for_;
    mutable std::mutex mutex_;
    std::unordered_map<std::string, Entry> entries_;
    std::uint64_t closes_ = 0;
};

}  // namespace ehall
