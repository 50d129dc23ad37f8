// Who may read the analytics: a client presenting the analyst token as a bearer token
// (`/analytics/v1`, scripts), or a person who logged in with it on /analytics/login and holds
// the session cookie. Sessions live in the store (CustomerSessions, channel "analytics"),
// so several gateway instances share them.
#pragma once

#include <optional>
#include <string>

#include "gateway/config/config.hpp"
#include "gateway/http/exchange.hpp"
#include "gateway/identity/customer_sessions.hpp"

namespace ehall::analytics {

inline constexpr const char* analyst_cookie = "ehall_analyst";
inline constexpr const char* login_csrf_cookie = "ehall_analyst_login";

class AnalystAccess {
  public:
    AnalystAccess(const Config& config, CustomerSessions& sessions)
        : config_(config), sessions_(sessions) {}

    bool has_bearer_token(const Exchange& exchange) const;
    // The logged-in analyst's session (its CSRF token guards the logout form).
    std::optional<CustomerSession> session(const Exchange& exchange) const;
    bool allowed(const Exchange& exchange) const;

    // Checks the token a person typed; the Set-Cookie value of a new session, or nothing.
    std::optional<std::string> log_in(const std::string& token) const;
    // Ends the session of the request's cookie; the Set-Cookie value that clears it.
    std::string log_out(const Exchange& exchange) const;

  private:
    bool is_analyst_token(const std::string& token) const;

    const Config& config_;
    CustomerSessions& sessions_;
};

}  // namespace ehall::analytics
