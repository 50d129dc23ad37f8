// Identifying a customer at a kiosk: the web's password check and lockout, then a short-lived
// token that only works from the same terminal.
#include <spdlog/spdlog.h>

#include <ehall/masking.hpp>
#include "channels/kiosk/kiosk_api.hpp"
#include "gateway/dispatch/param_validation.hpp"
#include "gateway/http/json_body.hpp"
#include "gateway/http/result_response.hpp"

namespace ehall {

std::optional<CustomerSession> KioskApi::customer_of(const std::string& token,
                                                     const KioskTerminal& terminal) {
    auto session = sessions_.find(token);
    if (!session || session->channel != "kiosk" || session->terminal_id != terminal.id)
        return std::nullopt;
    return session;
}

void KioskApi::identify(const Exchange& exchange, const KioskTerminal& terminal, Reply& reply) {
    // Limited per terminal: the touch UI's calls come from inside the gateway, and a
    // terminal is where a guesser stands.
    auto slot = login_.gate().admit("kiosk:" + terminal.id);
    if (!slot) {
        ServiceResult refused =
            ServiceResult::error("rate_limited", "too many sign-ins; try again later");
        journal(exchange, kiosk_request(exchange, &terminal, "session", "login"), refused);
        return reply(result_response(refused));
    }
    login_.gate().run(std::move(*slot),
                      [this, &exchange, terminal, reply = std::move(reply)]() mutable {
                          try {
                              check_identity(exchange, terminal, reply);
                          } catch (const std::exception& e) {
                              spdlog::error("kiosk identify failed: {}", e.what());
                              if (reply)  // still ours: the check failed before handing it on
                                  reply(result_response(ServiceResult::error("internal_error")));
                          }
                      });
}

void KioskApi::check_identity(const Exchange& exchange, const KioskTerminal& terminal,
                              Reply& reply) {
    ServiceRequest attempt = kiosk_request(exchange, &terminal, "session", "login");
    auto checked = login_.verify_body(json_object_body(exchange));
    const std::string& msisdn = checked.msisdn;
    attempt.customer = msisdn;
    ServiceResult result = std::move(checked.result);
    if (!result.is_ok()) {
        login_.gate().failed("kiosk:" + terminal.id);
        journal(exchange, attempt, result);
        return reply(result_response(result));
    }
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
    journal(exchange, attempt, result);
    placement_slot_.fill(
        attempt, slot_kiosk_identify,
        [result, reply = std::move(reply)](std::optional<nlohmann::json> offer) mutable {
            result.data["offer"] = offer ? std::move(*offer) : nlohmann::json(nullptr);
            reply(result_response(result));
        });
}

HttpResponse KioskApi::end_session(const Exchange& exchange, const KioskTerminal& terminal) {
    ServiceRequest request = kiosk_request(exchange, &terminal, "session", "logout");
    auto body = json_object_body(exchange);
    ServiceResult result;
    const std::string* token_field = body ? json_string_member(*body, "customer_token") : nullptr;
    if (!token_field) {
        result = ServiceResult::error("bad_request", "expected {\"customer_token\": \"...\"}");
    } else {
        // Ending an already expired session is fine (the kiosk's countdown may lose the race);
        // another terminal's session is left alone.
        const std::string& token = *token_field;
        auto session = customer_of(token, terminal);
        if (session) {
            sessions_.close(token);
            request.customer = session->msisdn;
            request.session_id = session->session_id;
        }
        result = ServiceResult::ok({{"ended", session.has_value()}});
    }
    journal(exchange, request, result);
    return result_response(result);
}

}  // namespace ehall
