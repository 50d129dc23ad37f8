// The touch UI's cash bill payment, which needs no identification: the number, its masked
// owner name to confirm, the amount (the amount due offered), the payment and its receipt.
// The payment's kiosk_txn is drawn when the amount screen is shown, so a double tap or a
// resent form pays once.
#include "channels/kiosk/kiosk_ui.hpp"
#include "gateway/param_validation.hpp"
#include "gateway/random_token.hpp"
#include "gateway/result_codes.hpp"
#include "gateway/yuan.hpp"

namespace ehall {

namespace {

// What the confirm and amount screens carry forward (shown only; the payment re-checks).
nlohmann::json payee_of(const FormFields& form) {
    return {{"msisdn", form_field(form, "msisdn")},
            {"masked_name", form_field(form, "masked_name")},
            {"masked_msisdn", form_field(form, "masked_msisdn")},
            {"due_yuan", form_field(form, "due_yuan")}};
}

}  // namespace

void KioskUi::cash_number(const VisitPtr& visit, Reply& reply) {
    reply(page(http::status::ok, "cash_number_screen", page_data(*visit, "现金交话费")));
}

void KioskUi::cash_confirm(const VisitPtr& visit, Reply& reply) {
    const std::string msisdn = form_field(visit->form, "msisdn");
    calls_.post(visit->device.terminal, "/kiosk/v1/lookup", {{"msisdn", msisdn}},
                visit->exchange.request_id,
                [this, visit, msisdn, reply = std::move(reply)](KioskCallResult result) mutable {
                    if (!result.ok()) {
                        nlohmann::json data = {{"msisdn", msisdn},
                                               {"error", result.body.value("message", "")}};
                        return reply(page(http_status_for(result.code()), "cash_number_screen",
                                          page_data(*visit, "现金交话费", std::move(data))));
                    }
                    nlohmann::json data = result.data();
                    data["msisdn"] = msisdn;
                    add_yuan_fields(data);
                    reply(page(http::status::ok, "cash_confirm_screen",
                               page_data(*visit, "请确认户名", std::move(data))));
                });
}

void KioskUi::cash_amount(const VisitPtr& visit, Reply& reply) {
    nlohmann::json data = payee_of(visit->form);
    if (!is_mobile_number(data["msisdn"].get<std::string>()))
        return reply(back_to_start());
    data["amount"] = data["due_yuan"];
    data["kiosk_txn"] = random_hex(8);
    data["keypad_decimal"] = true;
    reply(page(http::status::ok, "cash_amount_screen",
               page_data(*visit, "输入交费金额", std::move(data))));
}

void KioskUi::cash_pay(const VisitPtr& visit, Reply& reply) {
    nlohmann::json payee = payee_of(visit->form);
    const std::string amount = form_field(visit->form, "amount");
    const std::string kiosk_txn = form_field(visit->form, "kiosk_txn");
    auto fen = parse_yuan(amount);
    if (!fen || *fen <= 0 || kiosk_txn.empty()) {
        payee["amount"] = amount;
        payee["kiosk_txn"] = kiosk_txn.empty() ? random_hex(8) : kiosk_txn;
        payee["error"] = "请输入正确的金额（元，最多两位小数）。";
        payee["keypad_decimal"] = true;
        return reply(page(http::status::bad_request, "cash_amount_screen",
                          page_data(*visit, "输入交费金额", std::move(payee))));
    }
    nlohmann::json body = {{"msisdn", payee["msisdn"]},
                           {"amount_fen", *fen},
                           {"method", "cash"},
                           {"kiosk_txn", kiosk_txn}};
    calls_.post(visit->device.terminal, "/kiosk/v1/services/billing/pay", body,
                visit->exchange.request_id,
                [this, visit, reply = std::move(reply)](KioskCallResult result) mutable {
                    render_receipt(visit, result, reply);
                });
}

}  // namespace ehall
