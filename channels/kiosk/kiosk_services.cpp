// The kiosk's menu and running an operation from it. A customer is named by the token from
// identify, or, for a cash bill payment, by the paid number alone; every result carries
// receipt data, kept for reprinting when the operation succeeded.
#include <spdlog/spdlog.h>
#include <boost/asio/post.hpp>

#include <ehall/clock.hpp>
#include "channels/kiosk/kiosk_service.hpp"
#include "gateway/base/result_codes.hpp"
#include "gateway/dispatch/operation_json.hpp"
#include "gateway/dispatch/param_validation.hpp"

namespace ehall {

namespace {

bool is_cash_payment(const ServiceRequest& request, const OperationSpec* spec) {
    return spec && spec->cash_for_any_number &&
           request.params.value("method", nlohmann::json()) == "cash";
}

std::int64_t amount_of(const ServiceResult& result) {
    if (result.amount_fen)
        return *result.amount_fen;
    auto amount = result.data.value("amount_fen", nlohmann::json());
    return amount.is_number_integer() ? amount.get<std::int64_t>() : 0;
}

// A receipt names the operation as the journal does: never as the path spelt it.
ReceiptFacts receipt_facts(const Dispatcher& dispatcher, const ServiceRequest& request,
                           const OperationSpec* spec) {
    const auto names = dispatcher.known_names(request.plugin, request.operation);
    return {.terminal_id = request.terminal_id,
            .hall = request.subchannel,
            .operation = std::string(names.plugin) + "." + std::string(names.operation),
            .title = spec ? spec->title : "",
            .msisdn = request.customer};
}

// A cash payment's amount as the terminal counted it: whole fen, never text to convert.
std::optional<std::int64_t> cash_amount(const ServiceRequest& request) {
    auto amount = request.params.value("amount_fen", nlohmann::json());
    if (!amount.is_number_integer() || amount.get<std::int64_t>() <= 0)
        return std::nullopt;
    return amount.get<std::int64_t>();
}

}  // namespace

std::optional<AvailableOperation> cash_payment_operation(const Dispatcher& dispatcher) {
    for (const auto& available : dispatcher.loaded_operations()) {
        if (available.operation->cash_for_any_number)
            return available;
    }
    return std::nullopt;
}

ServiceResult KioskService::services() {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& available : dispatcher_.enabled_operations("kiosk")) {
        nlohmann::json operation = operation_json(available, "/kiosk/v1/services/");
        operation["cash_by_msisdn"] = available.operation->cash_for_any_number;
        list.push_back(std::move(operation));
    }
    return ServiceResult::ok({{"services", list}});
}

const OperationSpec* KioskService::enabled_spec(const ServiceRequest& request) {
    for (const auto& available : dispatcher_.enabled_operations("kiosk")) {
        if (available.plugin->id == request.plugin &&
            available.operation->name == request.operation)
            return available.operation;
    }
    return nullptr;
}

void KioskService::refuse_operation(const KioskCall& call, const ServiceRequest& request,
                                    const ServiceResult& refused, KioskDone& done) {
    const OperationSpec* spec = enabled_spec(request);
    ReceiptFacts facts = receipt_facts(dispatcher_, request, spec);
    facts.code = refused.code;
    journal(request, refused, call.started);
    finish(done, {refused, KioskReceipts::unkept(facts, now_ms())});
}

void KioskService::invoke(const KioskCall& call, const std::string& plugin,
                          const std::string& operation, KioskCallFields fields, KioskDone done) {
    guarded(done, [&] { start_operation(call, plugin, operation, std::move(fields), done); });
}

void KioskService::start_operation(const KioskCall& call, const std::string& plugin,
                                   const std::string& operation, KioskCallFields fields,
                                   KioskDone& done) {
    ServiceRequest request = kiosk_request(call.request_id, &call.terminal, plugin, operation);
    auto refuse = [&](const std::string& code, const std::string& message) {
        refuse_operation(call, request, ServiceResult::error(code, message), done);
    };
    if (!fields.problem.empty())
        return refuse("bad_request", fields.problem);
    request.params = std::move(fields.params);
    request.idempotency_key = kiosk_idempotency_key(call.terminal.id, fields.kiosk_txn);
    if (!fields.customer_token.empty()) {
        auto session = customer_of(fields.customer_token, call.terminal);
        if (!session)
            return refuse("unauthenticated", "customer session ended or not from this terminal");
        request.customer = session->msisdn;
        request.session_id = session->session_id;
    }
    if (is_cash_payment(request, enabled_spec(request))) {
        // The amount is what the terminal's acceptor counted: the touch UI, which a browser
        // drives, pays only the notes an intake took (kiosk_cash.cpp).
        if (call.caller == KioskCaller::touch_ui)
            return refuse("forbidden", "the touch UI pays cash only through a cash intake");
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
        if (!cash_amount(request))
            return refuse("bad_request", "a cash payment's amount_fen must be whole fen above 0");
    }
    run_operation(call, std::move(request), fields.kiosk_txn, done);
}

void KioskService::run_operation(const KioskCall& call, ServiceRequest request,
                                 const std::string& kiosk_txn, KioskDone& done) {
    const OperationSpec* spec = enabled_spec(request);
    const std::optional<std::int64_t> cash =
        is_cash_payment(request, spec) ? cash_amount(request) : std::nullopt;
    if (cash) {
        auto refused = cash_payments_.reserve(request.terminal_id, kiosk_txn, request.customer,
                                              *cash, now_ms());
        if (refused)
            return refuse_operation(call, request, *refused, done);
    }
    // A retried state change comes back with the first attempt's receipt; the scope matches
    // the gateway's idempotency (per customer and operation).
    ReceiptFacts facts = receipt_facts(dispatcher_, request, spec);
    std::string receipt_key;
    if (spec && spec->changes_state && !kiosk_txn.empty()) {
        receipt_key = request.customer;
        receipt_key.append("|").append(facts.operation).append("|").append(kiosk_txn);
    }
    auto& workers = dispatcher_.workers();
    dispatcher_.dispatch(std::move(request), [this, &workers, facts, receipt_key, kiosk_txn, cash,
                                              done =
                                                  std::move(done)](ServiceResult result) mutable {
        // Off whichever thread finished the call: settling and the receipt are store writes.
        boost::asio::post(workers, [this, facts = std::move(facts), receipt_key, kiosk_txn, cash,
                                    result = std::move(result), done = std::move(done)]() mutable {
            try {
                if (cash) {
                    cash_payments_.settle(facts.terminal_id, kiosk_txn, facts.msisdn, *cash, result,
                                          now_ms());
                }
            } catch (const std::exception& e) {
                // The payment's outcome stands; the cash stays held until a retry settles
                // it.
                spdlog::error("kiosk cash payment {} not settled: {}", kiosk_txn, e.what());
            }
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
            done({std::move(result), std::move(receipt)});
        });
    });
    done = nullptr;  // moved into the dispatch; the dispatcher answers
}

}  // namespace ehall
