// The touch UI's cash bill payment, which needs no identification: the number, its masked
// owner name to confirm, then the insert-cash screen of a cash intake (docs/kiosk-cash.md).
// The terminal's acceptor reports its notes to the gateway itself; this screen shows their
// total (reloading every 2 s) and pays it. No amount is taken from the browser. The intake
// id is the payment's kiosk_txn, so a double tap pays once.
#include <algorithm>

#include "channels/kiosk/kiosk_ui.hpp"
#include "gateway/base/result_codes.hpp"
#include "gateway/base/yuan.hpp"
#include "gateway/html/html_response.hpp"

namespace ehall {

namespace {

constexpr int insert_screen_reload_seconds = 2;

// Intake ids are hex; anything else never names one and must not reach a path.
bool intake_id_shaped(const std::string& id) {
    return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    });
}

}  // namespace

void KioskUi::cash_number(const VisitPtr& visit, Reply& reply) {
    reply(page(http::status::ok, "cash_number_screen", page_data(*visit, "现金交话费")));
}

void KioskUi::cash_confirm(const VisitPtr& visit, Reply& reply) {
    const std::string msisdn = form_field(visit->form, "msisdn");
    KioskResult looked{service_.lookup(call_of(*visit), msisdn)};
    if (!looked.ok()) {
        nlohmann::json data = {{"msisdn", msisdn}, {"error", looked.message()}};
        return reply(page(http_status_for(looked.result.code), "cash_number_screen",
                          page_data(*visit, "现金交话费", std::move(data))));
    }
    nlohmann::json data = looked.result.data;
    data["msisdn"] = msisdn;
    add_yuan_fields(data);
    reply(page(http::status::ok, "cash_confirm_screen",
               page_data(*visit, "请确认户名", std::move(data))));
}

void KioskUi::cash_open(const VisitPtr& visit, Reply& reply) {
    const std::string msisdn = form_field(visit->form, "msisdn");
    KioskResult opened{service_.open_intake(call_of(*visit), msisdn)};
    if (!opened.ok()) {
        nlohmann::json data = {{"msisdn", msisdn}, {"error", opened.message()}};
        return reply(page(http_status_for(opened.result.code), "cash_number_screen",
                          page_data(*visit, "现金交话费", std::move(data))));
    }
    // An earlier customer's cash waits to be paid first: say so on its screen.
    std::string location = "/kiosk/ui/cash/intakes/";
    location.append(opened.result.data.value("intake_id", ""));
    if (opened.result.data.value("held", false))
        location.append("?held=1");
    reply(see_other(location));
}

void KioskUi::cash_insert(const VisitPtr& visit, Reply& reply) {
    const std::string id = visit->exchange->path_param("id");
    if (!intake_id_shaped(id))
        return reply(back_to_start());
    ServiceResult shown = service_.show_intake(call_of(*visit), id);
    // Replaced, or paid and its receipt shown: nothing more to do here.
    if (!shown.is_ok() || shown.data.value("state", "") == "paid")
        return reply(back_to_start());
    nlohmann::json data = std::move(shown.data);
    const bool holds_cash = data.value("total_fen", 0) > 0;
    add_yuan_fields(data);
    data["held"] = visit->exchange->query_param("held") == "1";
    data["holds_cash"] = holds_cash;
    data["paying"] = data.value("state", "") == "paying";
    data["reload_seconds"] = insert_screen_reload_seconds;
    // Until cash is in the customer may walk away, so the countdown runs on across reloads
    // from the intake's opening; after that only paying ends the screen.
    data["countdown"] = !holds_cash;
    data["idle_seconds"] =
        std::max<std::int64_t>(1, idle_seconds_ - data.value("inactive_seconds", std::int64_t{0}));
    reply(page(http::status::ok, "cash_insert_screen",
               page_data(*visit, "请投入纸币", std::move(data))));
}

void KioskUi::cash_pay(const VisitPtr& visit, Reply& reply) {
    const std::string id = visit->exchange->path_param("id");
    if (!intake_id_shaped(id))
        return reply(back_to_start());
    // The reply comes on a worker once the payment ran (kiosk_service.hpp).
    // The manifests outlive every call.
    auto cash = cash_payment_operation(service_.dispatcher());
    const Manifest* plugin = cash ? cash->plugin : nullptr;
    service_.pay_intake(
        call_of(*visit), id,
        [this, visit, plugin, reply = std::move(reply)](KioskResult result) mutable {
            render_receipt(visit, result, plugin, reply);
        });
}

}  // namespace ehall
