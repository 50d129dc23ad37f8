// Logged-in customers' sessions, kept in the store so several gateway instances share
// them. Only a SHA-256 of each token is stored. The ops console keeps its staff sessions
// here too, under channel "ops" with the account name in place of the MSISDN.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include <ehall/store.hpp>
#include "gateway/identity/customer_session.hpp"
#include "gateway/identity/recent_sessions.hpp"

namespace ehall {

class CustomerSessions {
  public:
    // `remember_for` > 0 keeps sessions found in memory that long (recent_sessions.hpp).
    CustomerSessions(Store& store, std::chrono::seconds idle_expiry,
                     std::chrono::milliseconds remember_for = std::chrono::milliseconds(0))
        : store_(store), idle_expiry_(idle_expiry), recent_(remember_for) {}

    struct Opened {
        std::string token;  // given to the client once
        CustomerSession session;
    };
    Opened open(const std::string& msisdn, const std::string& channel,
                const std::string& terminal_id = {});
    // The live session of `token`; each use extends its idle expiry.
    std::optional<CustomerSession> find(const std::string& token);
    // The same, only when the session was opened for `channel`.
    std::optional<CustomerSession> find(const std::string& token, std::string_view channel);
    void close(const std::string& token);
    std::chrono::seconds idle_expiry() const { return idle_expiry_; }
    // Hands the occasional write that extends a session's expiry to `run_later` (the
    // workers) instead of doing it in find(), so a find on a network thread never waits on
    // the disk. Without it, find() writes itself.
    void defer_touches(std::function<void(std::function<void()>)> run_later) {
        run_later_ = std::move(run_later);
    }

  private:
    std::optional<RecentSessions::Entry> read(const std::string& hash, std::int64_t now);
    void touch(const std::string& hash, std::int64_t now, std::int64_t expires);

    Store& store_;
    std::function<void(std::function<void()>)> run_later_;
    std::chrono::seconds idle_expiry_;
    RecentSessions recent_;
};

}  // namespace ehall
