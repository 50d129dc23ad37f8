// The kiosk's menu and running an operation from it. A customer is named by the token from
// identify, or, for a cash bill payment, by the paid number alone; every result carries
// receipt data, kept for reprinting when the operation succeeded.
#include <spdlog/spdlog.h>
#include <boost/asio/post.hpp>

#include "channels/kiosk/kiosk_api.hpp"
#include "channels/kiosk/kiosk_call_fields.hpp"
#include "gateway/clock.hpp"
#include "gateway/http/json_body.hpp"
#include "gateway/operation_json.hpp"
#include "gateway/param_validation.hpp"
#include "gateway/result_codes.hpp"
#include "gateway/result_response.hpp"

namespace ehall {

namespace {

bool is_cash_payment(const ServiceRequest& request) {
    return request.plugin == "billing" && request.operation == "pay" &&
           request.params.value("method", nlohmann::json()) == "cash";
}

std::int64_t amount_of(const ServiceResult& result) {
    if (result.amount_fen)
        return *result.amount_fen;
    auto amount = result.data.value("amount_fen", nlohmann::json());
    return amount.is_number_integer() ? amount.get<std::int64_t>() : 0;
}

HttpResponse with_receipt(const ServiceResult& result, nlohmann::json receipt) {
    auto body = result_json(result);
    body["receipt"] = std::move(receipt);
    return json_response(http_status_for(result.code), body);
}

}  // namespace

HttpResponse KioskApi::services() {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& available : dispatcher_.enabled_operations("kiosk")) {
        nlohmann::json operation = operation_json(available, "/kiosk/v1/services/");
        operation["cash_by_msisdn"] =
            available.plugin->id == "billing" && available.operation->name == "pay";
        list.push_back(std::move(operation));
    }
    return result_response(ServiceResult::ok({{"services", list}}));
}

void KioskApi::invoke(const Exchange& exchange, const KioskTerminal& terminal, Reply& reply) {
    ServiceRequest request = kiosk_request(exchange, &terminal, exchange.path_param("plugin"),
                                           exchange.path_param("operation"));
    const OperationSpec* spec = nullptr;
    for (const auto& available : dispatcher_.enabled_operations("kiosk")) {
        if (available.plugin->id == request.plugin &&
            available.operation->name == request.operation)
            spec = available.operation;
    }
    // A refused receipt names the operation as the journal does: never as the path spelt it.
    const auto names = dispatcher_.known_names(request.plugin, request.operation);
    ReceiptFacts facts{.terminal_id = terminal.id,
                       .hall = terminal.hall,
                       .operation = std::string(names.plugin) + "." + std::string(names.operation),
                       .title = spec ? spec->title : ""};
    auto refuse = [&](const std::string& code, const std::string& message) {
        ServiceResult refused = ServiceResult::error(code, message);
        facts.msisdn = request.customer;
        facts.code = code;
        journal(exchange, request, spec ? spec->business : "other", refused);
        reply(with_receipt(refused, KioskReceipts::unkept(facts, now_ms())));
    };

    auto body = json_object_body(exchange);
    KioskCallFields fields = take_kiosk_fields(body ? std::move(*body) : nlohmann::json(),
                                               exchange.header("Idempotency-Key"));
    if (!fields.problem.empty())
        return refuse("bad_request", fields.problem);
    request.params = std::move(fields.params);
    request.idempotency_key = kiosk_idempotency_key(terminal.id, fields.kiosk_txn);
    if (!fields.customer_token.empty()) {
        auto session = customer_of(fields.customer_token, terminal);
        if (!session)
            return refuse("unauthenticated", "customer session ended or not from this terminal");
        request.customer = session->msisdn;
        request.session_id = session->session_id;
    }
    if (is_cash_payment(request)) {
        // Anyone may pay a number's bill in cash: the number alone names the customer.
        if (request.customer.empty() && !is_mobile_number(fields.msisdn))
            return refuse("bad_request", "a cash payment needs the paid number in msisdn");
        if (!request.customer.empty() && !fields.msisdn.empty() &&
            fields.msisdn != request.customer)
            return refuse("bad_request", "msisdn differs from the identified customer");
        if (request.customer.empty())
            request.customer = fields.msisdn;
        if (fields.kiosk_txn.empty())
            return refuse("bad_request", "a cash payment needs kiosk_txn or Idempotency-Key");
    }

    // A retried state change comes back with the first attempt's receipt; the scope matches
    // the gateway's idempotency (per customer and operation).
    std::string receipt_key;
    if (spec && spec->changes_state && !fields.kiosk_txn.empty()) {
        receipt_key = request.customer;
        receipt_key.append("|").append(facts.operation).append("|").append(fields.kiosk_txn);
    }
    facts.msisdn = request.customer;
    auto& workers = dispatcher_.workers();
    dispatcher_.dispatch(
        std::move(request), [this, &workers, facts, receipt_key,
                             reply = std::move(reply)](ServiceResult result) mutable {
            // Off whichever thread finished the call: keeping the receipt is a store write.
            boost::asio::post(
                workers, [this, facts = std::move(facts), receipt_key, result = std::move(result),
                          reply = std::move(reply)]() mutable {
                    facts.code = result.code;
                    facts.amount_fen = amount_of(result);
                    nlohmann::json receipt;
                    try {
                        receipt = result.is_ok() ? receipts_.issue(facts, receipt_key, now_ms())
                                                 : KioskReceipts::unkept(facts, now_ms());
                    } catch (const std::exception& e) {
                        // The operation is done and stays done; only its receipt was not kept.
                        spdlog::error("kiosk receipt not kept: {}", e.what());
                        receipt = KioskReceipts::unkept(facts, now_ms());
                    }
                    reply(with_receipt(result, std::move(receipt)));
                });
        });
}

}  // namespace ehall
