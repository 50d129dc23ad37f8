#include "gateway/identity/code_login.hpp"

#include <algorithm>

#include <ehall/clock.hpp>
#include "gateway/dispatch/param_validation.hpp"
#include "gateway/identity/sign_in_attempts.hpp"

namespace ehall {

namespace {

// Thrown inside the sender's transaction when the number may not have another code.
struct RationsUsedUp {};

bool active_customer(Transaction& tx, const std::string& msisdn) {
    auto rows = tx.query("SELECT status FROM customers WHERE msisdn = ?", {msisdn});
    return !rows.empty() && rows.front().text("status") == "active";
}

std::string string_field(const std::optional<nlohmann::json>& body, const char* name) {
    if (!body || !body->contains(name) || !(*body)[name].is_string())
        return {};
    return (*body)[name].get<std::string>();
}

}  // namespace

CodeLogin::CodeLogin(Store& store, CodeSender& sender, unsigned lockout_attempts,
                     std::chrono::minutes lockout_window, LoginCodeRules rules,
                     unsigned per_address_per_minute)
    : store_(store),
      sender_(sender),
      lockout_attempts_(lockout_attempts),
      lockout_window_(lockout_window),
      codes_(rules),
      per_address_(per_address_per_minute) {}

std::string CodeLogin::send(const std::string& msisdn, const std::string& client_address) {
    if (!per_address_.allow(client_address, std::chrono::steady_clock::now()))
        return "rate_limited";
    if (!is_mobile_number(msisdn))
        return "bad_request";
    const std::int64_t now = now_ms();
    const std::string code = LoginCodes::new_code();
    // A customer's code row and text commit together, a stranger's code row alone: one read
    // and one write transaction either way, so the answer takes as long for both. Every
    // number gets a code row, so the rations (and so the answers) are the same too.
    bool customer = false;
    store_.read([&](Transaction& tx) { customer = active_customer(tx, msisdn); });
    if (!customer) {
        bool issued = false;
        store_.write([&](Transaction& tx) { issued = codes_.issue(tx, msisdn, code, now); });
        return issued ? "ok" : "rate_limited";
    }
    const auto minutes =
        std::chrono::duration_cast<std::chrono::minutes>(codes_.rules().valid_for).count();
    try {
        sender_.send_code(msisdn, code, minutes, now, [&](Transaction& tx) {
            if (!codes_.issue(tx, msisdn, code, now))
                throw RationsUsedUp();  // rolls the queued text back
        });
    } catch (const RationsUsedUp&) {
        return "rate_limited";
    }
    return "ok";
}

ServiceResult CodeLogin::send_body(const std::optional<nlohmann::json>& body,
                                   const std::string& client_address, std::string* msisdn) {
    *msisdn = string_field(body, "msisdn");
    const std::string code = send(*msisdn, client_address);
    if (!is_mobile_number(*msisdn))
        msisdn->clear();
    if (code == "bad_request")
        return ServiceResult::error(code, "expected {\"msisdn\": 11 digits}");
    if (code != "ok")
        return ServiceResult::error(code);
    ServiceResult result = ServiceResult::ok();
    result.data = {
        {"expires_in",
         std::chrono::duration_cast<std::chrono::seconds>(codes_.rules().valid_for).count()},
        {"resend_in",
         std::chrono::duration_cast<std::chrono::seconds>(codes_.rules().min_interval).count()}};
    return result;
}

std::string CodeLogin::verify(const std::string& msisdn, const std::string& code) {
    if (!is_mobile_number(msisdn) || !is_six_digits(code))
        return "bad_request";
    const std::int64_t now = now_ms();
    const SignInPolicy policy{.limit = lockout_attempts_, .window = lockout_window_};
    std::string result;
    store_.write([&](Transaction& tx) {
        const auto reservation = reserve_sign_in(tx, msisdn, policy, now);
        if (!reservation.granted) {
            result = "locked";
            return;
        }
        const auto check = codes_.check(tx, msisdn, code, now);
        if (check == LoginCodes::Check::ok && active_customer(tx, msisdn)) {
            forget_failures(tx, msisdn);
            result = "ok";
        } else if (reservation.failures >= policy.limit) {
            result = "locked";
        } else {
            result = check == LoginCodes::Check::expired ? "code_expired" : "code_invalid";
        }
    });
    return result;
}

CustomerLogin::Attempt CodeLogin::verify_body(const std::optional<nlohmann::json>& body) {
    return CustomerLogin::verify_login_body(
        body, "code", [this](const std::string& msisdn, const std::string& code) {
            return verify(msisdn, code);
        });
}

bool CodeLogin::wants_code(const std::optional<nlohmann::json>& body) {
    return body && body->contains("code") && !body->contains("password");
}

}  // namespace ehall
