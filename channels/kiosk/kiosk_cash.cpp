// The kiosk API's cash routes (docs/kiosk-cash.md): an intake per customer transaction,
// opened for the number paid; the notes the terminal's acceptor reports, accepted into the
// open intake or refused; and paying an intake's total, which is never a figure from the
// caller but the notes the acceptor reported.
#include <algorithm>

#include <ehall/clock.hpp>
#include "channels/kiosk/cash_payee.hpp"
#include "channels/kiosk/kiosk_api.hpp"
#include "channels/kiosk/kiosk_call_fields.hpp"
#include "gateway/dispatch/param_validation.hpp"
#include "gateway/http/json_body.hpp"
#include "gateway/http/result_response.hpp"

namespace ehall {

nlohmann::json KioskApi::intake_json(const CashIntake& intake) {
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

HttpResponse KioskApi::open_intake(const Exchange& exchange, const KioskTerminal& terminal) {
    ServiceRequest request = kiosk_request(exchange, &terminal, "kiosk", "cash_intake");
    const std::string msisdn = msisdn_of(exchange);
    ServiceResult result = ServiceResult::error("bad_request", "expected {\"msisdn\": 11 digits}");
    if (is_mobile_number(msisdn)) {
        bool known = false;
        store_.read([&](Transaction& tx) { known = cash_payee(tx, msisdn).has_value(); });
        if (!known) {
            result = ServiceResult::error("not_found", "no account for this number");
        } else {
            auto opened = intakes_.open(terminal.id, msisdn, now_ms());
            request.customer = opened.intake.msisdn;
            result = ServiceResult::ok(intake_json(opened.intake));
            result.data["held"] = opened.held;
        }
    }
    journal(exchange, request, result);
    return result_response(result);
}

HttpResponse KioskApi::show_intake(const Exchange& exchange, const KioskTerminal& terminal) {
    // Not journaled: the insert-cash screen asks every few seconds.
    auto intake = intakes_.find(terminal.id, exchange.path_param("id"));
    return result_response(intake ? ServiceResult::ok(intake_json(*intake))
                                  : ServiceResult::error("not_found", "no such cash intake"));
}

void KioskApi::pay_intake(const Exchange& exchange, const KioskTerminal& terminal, Reply& reply) {
    const auto cash = cash_payment_operation(dispatcher_);
    if (!cash) {
        ServiceRequest request = kiosk_request(exchange, &terminal, "kiosk", "cash_intake");
        return refuse_operation(
            exchange, request,
            ServiceResult::error("unknown_operation", "no plugin takes cash payments"), reply);
    }
    ServiceRequest request =
        kiosk_request(exchange, &terminal, cash->plugin->id, cash->operation->name);
    const std::string id = exchange.path_param("id");
    auto intake = intakes_.close(terminal.id, id);
    if (!intake) {
        return refuse_operation(exchange, request,
                                ServiceResult::error("not_found", "no such cash intake"), reply);
    }
    request.customer = intake->msisdn;
    if (intake->total_fen == 0) {
        return refuse_operation(
            exchange, request,
            ServiceResult::error("bad_request", "no cash in this intake yet: nothing to pay"),
            reply);
    }
    request.params = {{"amount_fen", intake->total_fen}, {"method", "cash"}};
    request.idempotency_key = kiosk_idempotency_key(terminal.id, id);
    run_operation(exchange, std::move(request), id, reply);
}

HttpResponse KioskApi::report_note(const Exchange& exchange, const KioskTerminal& terminal) {
    ServiceRequest request = kiosk_request(exchange, &terminal, "kiosk", "cash_note");
    auto body = json_object_body(exchange);
    auto note_id = kiosk_number(json_field(body, "note_id"));
    const auto& amount = json_field(body, "amount_fen");
    ServiceResult result;
    if (!note_id || !amount.is_number_integer() || !is_note_value(amount.get<std::int64_t>())) {
        result = ServiceResult::error(
            "bad_request",
            "expected {\"note_id\": the terminal's number for the note (1-64 printable "
            "characters), \"amount_fen\": 100, 500, 1000, 2000, 5000 or 10000}");
    } else {
        auto verdict =
            intakes_.report_note(terminal.id, *note_id, amount.get<std::int64_t>(), now_ms());
        request.customer = verdict.msisdn;
        result = std::move(verdict.result);
    }
    journal(exchange, request, result);
    return result_response(result);
}

}  // namespace ehall
