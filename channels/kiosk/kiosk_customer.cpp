// Identifying a customer at a kiosk: the web's password check and lockout, then a short-lived
// token that only works from the same terminal.
#include <spdlog/spdlog.h>

#include <ehall/masking.hpp>
#include "channels/kiosk/kiosk_service.hpp"

namespace ehall {

std::optional<CustomerSession> KioskService::customer_of(const std::string& token,
                                                         const KioskTerminal& terminal) {
    auto session = sessions_.find(token);
    if (!session || session->channel != "kiosk" || session->terminal_id != terminal.id)
        return std::nullopt;
    return session;
}

void KioskService::identify(const KioskCall& call, std::optional<nlohmann::json> body,
                            KioskDone done) {
    guarded(done, [&] {
        // Limited per terminal: the touch UI and the terminal's software share its limit,
        // and a terminal is where a guesser stands.
        auto slot = login_.gate().admit("kiosk:" + call.terminal.id);
        if (!slot) {
            return finish(done,
                          {refuse(call, "session", "login",
                                  ServiceResult::error("rate_limited",
                                                       "too many sign-ins; try again later"))});
        }
        // The sign-in gate's thread owns copies of the call and the body.
        login_.gate().run(std::move(*slot),
                          [this, call, body = std::move(body), done = std::move(done)]() mutable {
                              guarded(done, [&] { check_identity(call, body, done); });
                          });
        done = nullptr;
    });
}

void KioskService::check_identity(const KioskCall& call, const std::optional<nlohmann::json>& body,
                                  KioskDone& done) {
    ServiceRequest attempt = kiosk_request(call.request_id, &call.terminal, "session", "login");
    auto checked = login_.verify_body(body);
    const std::string& msisdn = checked.msisdn;
    attempt.customer = msisdn;
    ServiceResult result = std::move(checked.result);
    if (!result.is_ok()) {
        login_.gate().failed("kiosk:" + call.terminal.id);
        journal(attempt, result, call.started);
        return finish(done, {result});
    }
    std::string name;
    store_.read([&](Transaction& tx) {
        auto rows = tx.query("SELECT name FROM customers WHERE msisdn = ?", {msisdn});
        if (!rows.empty())
            name = rows.front().text("name");
    });
    auto opened = sessions_.open(msisdn, "kiosk", call.terminal.id);
    attempt.session_id = opened.session.session_id;
    result.data = {{"customer_token", opened.token},
                   {"masked_name", mask_name(name)},
                   {"masked_msisdn", mask_msisdn(msisdn)},
                   {"expires_in", sessions_.idle_expiry().count()}};
    journal(attempt, result, call.started);
    placement_slot_.fill(
        attempt, slot_kiosk_identify,
        [result, done = std::move(done)](std::optional<nlohmann::json> offer) mutable {
            result.data["offer"] = offer ? std::move(*offer) : nlohmann::json(nullptr);
            done({std::move(result)});
        });
    done = nullptr;
}

ServiceResult KioskService::end_session(const KioskCall& call, const std::string& token) {
    ServiceRequest request = kiosk_request(call.request_id, &call.terminal, "session", "logout");
    // Ending an already expired session is fine (the kiosk's countdown may lose the race);
    // another terminal's session is left alone.
    auto session = customer_of(token, call.terminal);
    if (session) {
        sessions_.close(token);
        request.customer = session->msisdn;
        request.session_id = session->session_id;
    }
    ServiceResult result = ServiceResult::ok({{"ended", session.has_value()}});
    journal(request, result, call.started);
    return result;
}

}  // namespace ehall
