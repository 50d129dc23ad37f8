// The kiosk service's small calls: heartbeat, number lookup, reprint, and journaling what
// did not reach a plugin.
#include "channels/kiosk/kiosk_service.hpp"

#include <spdlog/spdlog.h>

#include <ehall/clock.hpp>
#include "channels/kiosk/cash_payee.hpp"
#include "gateway/base/result_codes.hpp"
#include "gateway/dispatch/param_validation.hpp"

namespace ehall {

std::string KioskResult::message() const {
    return result.message.empty() ? std::string(message_for(result.code)) : result.message;
}

ServiceRequest kiosk_request(const std::string& request_id, const KioskTerminal* terminal,
                             std::string plugin, std::string operation) {
    ServiceRequest request;
    request.channel = "kiosk";
    request.plugin = std::move(plugin);
    request.operation = std::move(operation);
    request.request_id = request_id;
    if (terminal) {
        request.terminal_id = terminal->id;
        request.subchannel = terminal->hall;
    }
    return request;
}

void KioskService::finish(KioskDone& done, KioskResult result) {
    KioskDone answer = std::move(done);
    done = nullptr;
    answer(std::move(result));
}

void KioskService::guarded(KioskDone& done, const std::function<void()>& start) {
    try {
        start();
    } catch (const std::exception& e) {
        spdlog::error("kiosk call failed: {}", e.what());
        if (done)  // still ours: the call failed before handing it on
            finish(done, {ServiceResult::error("internal_error")});
    }
}

void KioskService::journal(const ServiceRequest& request, const ServiceResult& result,
                           std::chrono::steady_clock::time_point started) {
    dispatcher_.report(request, result, started);
}

ServiceResult KioskService::refuse(const KioskCall& call, const std::string& plugin,
                                   const std::string& operation, ServiceResult refused) {
    journal(kiosk_request(call.request_id, &call.terminal, plugin, operation), refused,
            call.started);
    return refused;
}

ServiceResult KioskService::heartbeat(const KioskCall& call, const nlohmann::json& status) {
    const std::int64_t now = now_ms();
    registry_.record_heartbeat(call.terminal.id, status, now);
    if (status.contains("cash_box_fen")) {
        CashBoxFigures figures;
        store_.read(
            [&](Transaction& tx) { figures = cash_box_figures(tx, call.terminal.id, status); });
        cash_box_watch_.heard(call.terminal.id, figures);
    }
    return ServiceResult::ok({{"terminal_id", call.terminal.id}, {"server_time", now / 1000}});
}

ServiceResult KioskService::lookup(const KioskCall& call, const std::string& msisdn) {
    ServiceRequest request = kiosk_request(call.request_id, &call.terminal, "kiosk", "lookup");
    ServiceResult result;
    if (!is_mobile_number(msisdn)) {
        result = ServiceResult::error("bad_request", "expected {\"msisdn\": 11 digits}");
    } else {
        request.customer = msisdn;
        std::optional<nlohmann::json> payee;
        store_.read([&](Transaction& tx) { payee = cash_payee(tx, msisdn); });
        result = payee ? ServiceResult::ok(std::move(*payee))
                       : ServiceResult::error("not_found", "no account for this number");
    }
    journal(request, result, call.started);
    return result;
}

KioskResult KioskService::reprint(const KioskCall& call, const std::string& receipt_no) {
    auto receipt = receipts_.find(receipt_no, call.terminal.id);
    // Another terminal's receipt is as unknown as a made-up number.
    ServiceResult result = receipt ? ServiceResult::ok({{"reprinted", true}})
                                   : ServiceResult::error("not_found", "no such receipt");
    journal(kiosk_request(call.request_id, &call.terminal, "kiosk", "reprint"), result,
            call.started);
    return {std::move(result), std::move(receipt)};
}

}  // namespace ehall
