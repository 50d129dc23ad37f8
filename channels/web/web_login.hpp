// What the JSON API and the pages share about a web customer: checking a login (and
// journaling every attempt), the session cookie, and finding the session a request
// carries. The cookie is HttpOnly and SameSite=Lax, and Secure when the request came over
// TLS (a proxy in front says so with X-Forwarded-Proto: https).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "gateway/dispatch/dispatcher.hpp"
#include "gateway/http/exchange.hpp"
#include "gateway/identity/code_login.hpp"
#include "gateway/identity/customer_login.hpp"
#include "gateway/identity/customer_sessions.hpp"

namespace ehall {

inline constexpr std::string_view session_cookie_name = "ehall_session";

class WebLogin {
  public:
    WebLogin(Dispatcher& dispatcher, CustomerSessions& sessions, CustomerLogin& login,
             CodeLogin& codes)
        : dispatcher_(dispatcher), sessions_(sessions), login_(login), codes_(codes) {}

    struct Outcome {
        std::string msisdn;  // the number tried, when it is a mobile number
        ServiceResult result;
        std::optional<CustomerSessions::Opened> opened;  // on success
    };
    // A place on the sign-in gate for the request's login, or nothing (the refusal
    // journaled) when its address is over its limit or the gate is full: answer
    // `rate_limited` then. Run the login with `run`.
    std::optional<SignInGate::Slot> admit(const Exchange& exchange);
    template <class Work>
    void run(SignInGate::Slot slot, Work work) {
        login_.gate().run(std::move(slot), std::move(work));
    }
    // Checks {"msisdn", "password"} or {"msisdn", "code"} (a one-time code by SMS),
    // journals the attempt, opens a web session on success. On the gate (`run`): it may hash.
    Outcome attempt(const Exchange& exchange, const std::optional<nlohmann::json>& body);
    // Sends a one-time code for {"msisdn"} and journals the request (session.send_code).
    ServiceResult send_code(const Exchange& exchange, const std::optional<nlohmann::json>& body);

    // The session of the request's `ehall_session` cookie (and the token), if live.
    std::optional<CustomerSession> cookie_session(const Exchange& exchange, std::string* token);
    void close(const std::string& token) { sessions_.close(token); }

    // Set-Cookie values that set and clear the session cookie. The session cookie has no
    // Max-Age: it lives while the browser runs, and the server ends the session itself after
    // the idle time (a fixed Max-Age would log out a customer who is still busy).
    std::string session_cookie(const Exchange& exchange, const std::string& token) const;
    static std::string cleared_cookie(const Exchange& exchange);

    CustomerSessions& sessions() { return sessions_; }

  private:
    Dispatcher& dispatcher_;
    CustomerSessions& sessions_;
    CustomerLogin& login_;
    CodeLogin& codes_;
};

// A Set-Cookie value: HttpOnly, SameSite=Lax, Path=/, Secure over TLS; Max-Age when given.
std::string cookie_header(const Exchange& exchange, std::string_view name, std::string_view value,
                          std::optional<std::int64_t> max_age_seconds);

}  // namespace ehall
