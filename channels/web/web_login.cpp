#include "channels/web/web_login.hpp"

#include "gateway/http/credentials.hpp"
#include "gateway/http/request_origin.hpp"

namespace ehall {

WebLogin::Outcome WebLogin::attempt(const Exchange& exchange,
                                    const std::optional<nlohmann::json>& body) {
    const auto started = std::chrono::steady_clock::now();
    const bool by_code = CodeLogin::wants_code(body);
    auto checked = by_code ? codes_.verify_body(body) : login_.verify_body(body);
    Outcome outcome{.msisdn = checked.msisdn, .result = std::move(checked.result), .opened = {}};
    ServiceRequest attempt;
    attempt.channel = "web";
    attempt.plugin = "session";
    attempt.operation = by_code ? "code_login" : "login";
    attempt.request_id = exchange.request_id;
    attempt.customer = outcome.msisdn;
    if (outcome.result.is_ok()) {
        outcome.opened = sessions_.open(outcome.msisdn, "web");
        attempt.session_id = outcome.opened->session.session_id;
    } else {
        login_.gate().failed(exchange.remote_address);
    }
    dispatcher_.report(attempt, outcome.result, started);
    return outcome;
}

std::optional<SignInGate::Slot> WebLogin::admit(const Exchange& exchange) {
    auto slot = login_.gate().admit(exchange.remote_address);
    if (!slot) {
        ServiceRequest attempt;
        attempt.channel = "web";
        attempt.plugin = "session";
        attempt.operation = "login";
        attempt.request_id = exchange.request_id;
        dispatcher_.report(attempt, ServiceResult::error("rate_limited"), exchange.started);
    }
    return slot;
}

ServiceResult WebLogin::send_code(const Exchange& exchange,
                                  const std::optional<nlohmann::json>& body) {
    const auto started = std::chrono::steady_clock::now();
    ServiceRequest request;
    request.channel = "web";
    request.plugin = "session";
    request.operation = "send_code";
    request.request_id = exchange.request_id;
    ServiceResult result = codes_.send_body(body, exchange.remote_address, &request.customer);
    dispatcher_.report(request, result, started);
    return result;
}

std::optional<CustomerSession> WebLogin::cookie_session(const Exchange& exchange,
                                                        std::string* token) {
    *token = cookie_value(exchange, session_cookie_name);
    if (token->empty())
        return std::nullopt;
    return sessions_.find(*token, "web");
}

std::string WebLogin::session_cookie(const Exchange& exchange, const std::string& token) const {
    return cookie_header(exchange, session_cookie_name, token, std::nullopt);
}

std::string WebLogin::cleared_cookie(const Exchange& exchange) {
    return cookie_header(exchange, session_cookie_name, "", 0);
}

std::string cookie_header(const Exchange& exchange, std::string_view name, std::string_view value,
                          std::optional<std::int64_t> max_age_seconds) {
    std::string cookie(name);
    cookie.append("=").append(value).append("; Path=/; HttpOnly; SameSite=Lax");
    if (max_age_seconds)
        cookie.append("; Max-Age=").append(std::to_string(*max_age_seconds));
    if (came_over_tls(exchange))
        cookie.append("; Secure");
    return cookie;
}

}  // namespace ehall
