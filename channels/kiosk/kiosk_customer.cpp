// Identifying a customer at a kiosk: the web's password check and lockout, then a short-lived
// token that only works from the same terminal.
#include "channels/kiosk/kiosk_api.hpp"
#include "channels/kiosk/kiosk_masking.hpp"
#include "gateway/http/json_body.hpp"
#include "gateway/param_validation.hpp"
#include "gateway/result_response.hpp"

namespace ehall {

std::optional<CustomerSession> KioskApi::customer_of(const std::string& token,
                                                     const KioskTerminal& terminal) {
    auto session = sessions_.find(token);
    if (!session || session->channel != "kiosk" || session->terminal_id != terminal.id)
        return std::nullopt;
    return session;
}

HttpResponse KioskApi::identify(const Exchange& exchange, const KioskTerminal& terminal) {
    ServiceRequest attempt = kiosk_request(exchange, &terminal, "session", "login");
    auto body = json_object_body(exchange);
    std::string code = "bad_request";
    std::string msisdn;
    if (body && body->value("msisdn", nlohmann::json()).is_string() &&
        body->value("password", nlohmann::json()).is_string()) {
        msisdn = (*body)["msisdn"].get<std::string>();
        code = login_.verify(msisdn, (*body)["password"].get<std::string>());
    }
    if (is_mobile_number(msisdn))
        attempt.customer = msisdn;
    ServiceResult result = code == "ok" ? ServiceResult::ok() : ServiceResult::error(code);
    if (code == "bad_request")
        result.message = "expected {\"msisdn\": 11 digits, \"password\": 6 digits}";
    if (result.is_ok()) {
        std::string name;
        store_.read([&](Transaction& tx) {
            auto rows = tx.query("SELECT name FROM customers WHERE msisdn = ?", {msisdn});
            if (!rows.empty())
                name = rows.front().text("name");
        });
        auto opened = sessions_.open(msisdn, "kiosk", terminal.id);
        attempt.session_id = opened.session.session_id;
        result.data = {{"customer_token", opened.token},
                       {"masked_name", mask_name(name)},
                       {"masked_msisdn", mask_msisdn(msisdn)},
                       {"expires_in", sessions_.idle_expiry().count()}};
    }
    journal(exchange, attempt, "other", result);
    return result_response(result);
}

HttpResponse KioskApi::end_session(const Exchange& exchange, const KioskTerminal& terminal) {
    ServiceRequest request = kiosk_request(exchange, &terminal, "session", "logout");
    auto body = json_object_body(exchange);
    ServiceResult result;
    if (!body || !body->value("customer_token", nlohmann::json()).is_string()) {
        result = ServiceResult::error("bad_request", "expected {\"customer_token\": \"...\"}");
    } else {
        // Ending an already expired session is fine (the kiosk's countdown may lose the race);
        // another terminal's session is left alone.
        const std::string token = (*body)["customer_token"].get<std::string>();
        auto session = customer_of(token, terminal);
        if (session) {
            sessions_.close(token);
            request.customer = session->msisdn;
            request.session_id = session->session_id;
        }
        result = ServiceResult::ok({{"ended", session.has_value()}});
    }
    journal(exchange, request, "other", result);
    return result_response(result);
}

}  // namespace ehall
