// The kiosk's cash calls (docs/kiosk-cash.md): an intake per customer transaction,
// opened for the number paid; the notes the terminal's acceptor reports, accepted into the
// open intake or refused; and paying an intake's total, which is never a figure from the
// caller but the notes the acceptor reported.
#include <algorithm>

#include <ehall/clock.hpp>
#include "channels/kiosk/cash_payee.hpp"
#include "channels/kiosk/kiosk_service.hpp"
#include "gateway/dispatch/param_validation.hpp"

namespace ehall {

nlohmann::json KioskService::intake_json(const CashIntake& intake) {
    nlohmann::json data;
    store_.read([&](Transaction& tx) {
        data = cash_payee(tx, intake.msisdn).value_or(nlohmann::json::object());
    });
    data["intake_id"] = intake.id;
    data["total_fen"] = intake.total_fen;
    data["state"] = intake.state;
    data["inactive_seconds"] = std::max<std::int64_t>(0, (now_ms() - intake.updated_ms) / 1000);
    return data;
}

ServiceResult KioskService::open_intake(const KioskCall& call, const std::string& msisdn) {
    ServiceRequest request = kiosk_request(call.request_id, &call.terminal, "kiosk", "cash_intake");
    ServiceResult result = ServiceResult::error("bad_request", "expected {\"msisdn\": 11 digits}");
    if (is_mobile_number(msisdn)) {
        bool known = false;
        store_.read([&](Transaction& tx) { known = cash_payee(tx, msisdn).has_value(); });
        if (!known) {
            result = ServiceResult::error("not_found", "no account for this number");
        } else {
            auto opened = intakes_.open(call.terminal.id, msisdn, now_ms());
            request.customer = opened.intake.msisdn;
            result = ServiceResult::ok(intake_json(opened.intake));
            result.data["held"] = opened.held;
        }
    }
    journal(request, result, call.started);
    return result;
}

ServiceResult KioskService::show_intake(const KioskCall& call, const std::string& intake_id) {
    // Not journaled: the insert-cash screen asks every few seconds.
    auto intake = intakes_.find(call.terminal.id, intake_id);
    return intake ? ServiceResult::ok(intake_json(*intake))
                  : ServiceResult::error("not_found", "no such cash intake");
}

void KioskService::pay_intake(const KioskCall& call, const std::string& intake_id, KioskDone done) {
    guarded(done, [&] { start_payment(call, intake_id, done); });
}

void KioskService::start_payment(const KioskCall& call, const std::string& id, KioskDone& done) {
    const auto cash = cash_payment_operation(dispatcher_);
    if (!cash) {
        ServiceRequest request =
            kiosk_request(call.request_id, &call.terminal, "kiosk", "cash_intake");
        return refuse_operation(
            call, request,
            ServiceResult::error("unknown_operation", "no plugin takes cash payments"), done);
    }
    ServiceRequest request =
        kiosk_request(call.request_id, &call.terminal, cash->plugin->id, cash->operation->name);
    auto intake = intakes_.close(call.terminal.id, id);
    if (!intake) {
        return refuse_operation(call, request,
                                ServiceResult::error("not_found", "no such cash intake"), done);
    }
    request.customer = intake->msisdn;
    if (intake->total_fen == 0) {
        return refuse_operation(
            call, request,
            ServiceResult::error("bad_request", "no cash in this intake yet: nothing to pay"),
            done);
    }
    request.params = {{"amount_fen", intake->total_fen}, {"method", "cash"}};
    request.idempotency_key = kiosk_idempotency_key(call.terminal.id, id);
    run_operation(call, std::move(request), id, done);
}

ServiceResult KioskService::report_note(const KioskCall& call, const std::string& note_id,
                                        std::int64_t amount_fen) {
    ServiceRequest request = kiosk_request(call.request_id, &call.terminal, "kiosk", "cash_note");
    auto verdict = intakes_.report_note(call.terminal.id, note_id, amount_fen, now_ms());
    request.customer = verdict.msisdn;
    journal(request, verdict.result, call.started);
    return std::move(verdict.result);
}

}  // namespace ehall
