#include "gateway/identity/customer_login.hpp"

#include <algorithm>

#include <ehall/clock.hpp>
#include "gateway/base/password_hash.hpp"
#include "gateway/dispatch/param_validation.hpp"
#include "gateway/http/json_body.hpp"
#include "gateway/identity/sign_in_attempts.hpp"

namespace ehall {

bool is_six_digits(std::string_view text) {
    return text.size() == 6 &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string CustomerLogin::verify(const std::string& msisdn, const std::string& password) {
    if (!is_mobile_number(msisdn) || !is_six_digits(password))
        return "bad_request";
    const SignInPolicy policy{.limit = attempts_, .window = window_};
    SignInReservation reservation;
    std::string stored_hash;
    std::string status;
    store_.write([&](Transaction& tx) {
        reservation = reserve_sign_in(tx, msisdn, policy, now_ms());
        if (!reservation.granted)
            return;
        auto rows =
            tx.query("SELECT password_hash, status FROM customers WHERE msisdn = ?", {msisdn});
        if (!rows.empty()) {
            stored_hash = rows.front().text("password_hash");
            status = rows.front().text("status");
        }
    });
    if (!reservation.granted)
        return "locked";
    bool known = !stored_hash.empty() && status == "active";
    bool good = verify_password(known ? stored_hash : decoy_password_hash(), password) && known;
    if (good) {
        store_.write([&](Transaction& tx) { forget_failures(tx, msisdn); });
        return "ok";
    }
    return reservation.failures >= policy.limit ? "locked" : "unauthenticated";
}

CustomerLogin::Attempt CustomerLogin::verify_body(const std::optional<nlohmann::json>& body) {
    return verify_login_body(body, "password",
                             [this](const std::string& msisdn, const std::string& password) {
                                 return verify(msisdn, password);
                             });
}

CustomerLogin::Attempt CustomerLogin::verify_login_body(
    const std::optional<nlohmann::json>& body, const std::string& secret_field,
    const std::function<std::string(const std::string&, const std::string&)>& verify) {
    Attempt attempt;
    std::string code = "bad_request";
    const std::string* msisdn = body ? json_string_member(*body, "msisdn") : nullptr;
    const std::string* secret = body ? json_string_member(*body, secret_field) : nullptr;
    if (msisdn && secret) {
        code = verify(*msisdn, *secret);
        if (is_mobile_number(*msisdn))
            attempt.msisdn = *msisdn;
    }
    attempt.result = code == "ok" ? ServiceResult::ok() : ServiceResult::error(code);
    if (code == "bad_request") {
        attempt.result.message =
            "expected {\"msisdn\": 11 digits, \"" + secret_field + "\": 6 digits}";
    }
    return attempt;
}

}  // namespace ehall
