// Logged-in customers' sessions, kept in the store so several gateway instances share
// them. Only a SHA-256 of each token is stored. The ops console keeps its staff sessions
// here too, under channel "ops" with the account name in place of the MSISDN.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "gateway/sql.hpp"

namespace ehall {

struct CustomerSession {
    std::string session_id;  // a public handle for logs and the journal, not the token
    std::string msisdn;
    std::string channel;
    std::string terminal_id;
    std::string csrf_token;
};

class CustomerSessions {
  public:
    CustomerSessions(Store& store, std::chrono::seconds idle_expiry)
        : store_(store), idle_expiry_(idle_expiry) {}

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

  private:
    Store& store_;
    std::chrono::seconds idle_expiry_;
};

}  // namespace ehall
