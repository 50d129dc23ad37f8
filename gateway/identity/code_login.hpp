// Login with a one-time code by SMS (the web hall's, and any hall's): sending a code
// through the CodeSender port (the SMS channel's outbox), and checking one with the lockout every
// channel shares (a wrong code counts as a wrong password). Sending answers the same whether or not
// the number is a customer, so it cannot tell anyone which numbers are; only customers get a text.
// Codes are rationed per number (LoginCodeRules) and per client address (in memory, per instance;
// behind a proxy every client has the proxy's address, see web.login_code_per_address_per_min).
#pragma once

#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "gateway/base/rate_limiter.hpp"
#include "gateway/identity/code_sender.hpp"
#include "gateway/identity/customer_login.hpp"
#include "gateway/identity/login_codes.hpp"

namespace ehall {

class CodeLogin {
  public:
    // `per_address_per_minute` 0: no limit per address.
    CodeLogin(Store& store, CodeSender& sender, unsigned lockout_attempts,
              std::chrono::minutes lockout_window, LoginCodeRules rules = {},
              unsigned per_address_per_minute = 10);

    // "ok" (a code is on its way if the number is an active customer), "bad_request" (not
    // a mobile number) or "rate_limited" (the number's or the address's rations).
    std::string send(const std::string& msisdn, const std::string& client_address);
    // Checks a request body {"msisdn"} and sends; the result carries how long a code lives
    // and when another may be asked for.
    ServiceResult send_body(const std::optional<nlohmann::json>& body,
                            const std::string& client_address, std::string* msisdn);

    // "ok" (the code is now used), "bad_request" (not a mobile number or not 6 digits),
    // "code_invalid" (wrong code), "code_expired" (no live code) or "locked".
    std::string verify(const std::string& msisdn, const std::string& code);
    // Checks a request body {"msisdn", "code"}.
    CustomerLogin::Attempt verify_body(const std::optional<nlohmann::json>& body);

    // Whether a login body asks for a code login: it has "code" and no "password".
    static bool wants_code(const std::optional<nlohmann::json>& body);

  private:
    Store& store_;
    CodeSender& sender_;
    unsigned lockout_attempts_;
    std::chrono::minutes lockout_window_;
    LoginCodes codes_;
    RateLimiter per_address_;
};

}  // namespace ehall
