// Checks a customer's service password, with the lockout every channel shares: after
// `attempts` wrong passwords within `window` the number is locked until the window passes.
#pragma once

#include <chrono>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include <ehall/plugin.hpp>
#include <ehall/store.hpp>
#include "gateway/identity/sign_in_gate.hpp"

namespace ehall {

// A service password or a one-time login code: exactly six ASCII digits.
bool is_six_digits(std::string_view text);

class CustomerLogin {
  public:
    CustomerLogin(Store& store, unsigned attempts, std::chrono::minutes window, SignInGate& gate)
        : store_(store), attempts_(attempts), window_(window), gate_(gate) {}

    // Where channels run a sign-in (verify_body and the code login): never on the workers.
    SignInGate& gate() { return gate_; }

    // "ok", "bad_request" (not a mobile number or not a 6-digit password),
    // "unauthenticated" (unknown number or wrong password) or "locked".
    std::string verify(const std::string& msisdn, const std::string& password);

    struct Attempt {
        std::string msisdn;    // the number tried, when it is a mobile number
        ServiceResult result;  // ok, or the refusal with its code
    };
    // Checks a request body {"msisdn", "password"}, as every channel's login sends it.
    Attempt verify_body(const std::optional<nlohmann::json>& body);
    // Checks a body {"msisdn", <secret_field>} with `verify` (msisdn, secret) -> a code as
    // verify() gives; shared by the password and the one-time-code login.
    static Attempt verify_login_body(
        const std::optional<nlohmann::json>& body, const std::string& secret_field,
        const std::function<std::string(const std::string&, const std::string&)>& verify);

  private:
    Store& store_;
    unsigned attempts_;
    std::chrono::minutes window_;
    SignInGate& gate_;
};

}  // namespace ehall
