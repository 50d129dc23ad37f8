#include "bill_payment.hpp"

#include <algorithm>
#include <cstdio>

#include <ehall/account_rules.hpp>
#include <ehall/clock.hpp>
#include <ehall/idempotency.hpp>
#include "ecoin_award.hpp"

namespace ehall::billing {

namespace {

std::string receipt_number(std::int64_t payment_id) {
    char out[32];
    std::snprintf(out, sizeof out, "P%010lld", static_cast<long long>(payment_id));
    return out;
}

// "张三" -> "张*": the first character, then one star per further character (UTF-8).
std::string masked_name(const std::string& name) {
    if (name.empty())
        return name;
    const auto lead = static_cast<unsigned char>(name[0]);
    const std::size_t first = std::min<std::size_t>(lead < 0x80    ? 1
                                                    : lead >= 0xF0 ? 4
                                                    : lead >= 0xE0 ? 3
                                                                   : 2,
                                                    name.size());
    std::size_t rest = 0;
    for (std::size_t i = first; i < name.size(); ++i) {
        if ((static_cast<unsigned char>(name[i]) & 0xC0) != 0x80)
            ++rest;
    }
    return name.substr(0, first) + std::string(std::max<std::size_t>(rest, 1), '*');
}

// The payments table needs one key unique across owners.
std::string payment_key(const ServiceRequest& request) {
    return idempotency_owner(request) + ":" + idempotency_key_of(request);
}

}  // namespace

BillPayment::BillPayment(Store& store, PaymentProvider* provider, EcoinRules ecoins, Warn warn)
    : store_(store), provider_(provider), ecoins_(ecoins), warn_(std::move(warn)) {}

ServiceResult BillPayment::run(const ServiceRequest& request) {
    if (request.params.value("method", "card") == "cash")
        return pay_in_cash(request);
    return pay_by_card(request);
}

ServiceResult BillPayment::pay_by_card(const ServiceRequest& request) {
    std::optional<ServiceResult> answered;
    std::string card;
    store_.read([&](Transaction& tx) {
        if ((answered = recorded_result(tx, request)))
            return;
        auto rows =
            tx.query("SELECT bank_card FROM customers WHERE msisdn = ?", {request.customer});
        if (rows.empty())
            answered = ServiceResult::error("not_found", "no account for this number");
        else if (rows.front().is_null("bank_card") || rows.front().text("bank_card").empty())
            answered = ServiceResult::error("payment_failed", "no bound bank card");
        else
            card = rows.front().text("bank_card");
    });
    if (answered)
        return std::move(*answered);
    if (!provider_) {
        warn_("card payment refused: no payment_provider configured");
        return ServiceResult::error("payment_failed", "card payments are not available");
    }
    // Outside any transaction: the acquirer may take seconds, and the store must not wait.
    const ChargeOutcome charge =
        provider_->charge({.msisdn = request.customer,
                           .amount_fen = request.params.at("amount_fen").get<std::int64_t>(),
                           .idempotency_key = payment_key(request),
                           .card = card});
    if (!charge.approved) {
        if (charge.unavailable)
            warn_("card payment failed: " + charge.reason);
        return ServiceResult::error("payment_failed", charge.reason);
    }
    return commit(request, "card", charge.reference);
}

ServiceResult BillPayment::pay_in_cash(const ServiceRequest& request) {
    if (request.channel != "kiosk")
        return ServiceResult::error("bad_request", "cash payments are reported by kiosks");
    if (request.terminal_id.empty())
        return ServiceResult::error("bad_request", "a cash payment needs the reporting terminal");
    // Kiosks number their own transactions: a key is unique per terminal, not per number.
    ServiceRequest scoped = request;
    scoped.idempotency_key = "kiosk:" + request.terminal_id + ":" + idempotency_key_of(request);
    return commit(scoped, "cash", {});
}

ServiceResult BillPayment::commit(const ServiceRequest& request, const std::string& method,
                                  const std::string& acquirer_reference) {
    const std::string& msisdn = request.customer;
    const std::int64_t amount = request.params.at("amount_fen").get<std::int64_t>();
    const std::int64_t now = now_ms();
    ServiceResult result;
    store_.write([&](Transaction& tx) {
        if (auto replay = recorded_result(tx, request)) {
            result = std::move(*replay);
            return;
        }
        auto customer = tx.query("SELECT name FROM customers WHERE msisdn = ?", {msisdn});
        if (customer.empty()) {
            result = ServiceResult::error("not_found", "no account for this number");
            return;
        }
        const SqlValue terminal =
            request.terminal_id.empty() ? SqlValue{nullptr} : SqlValue{request.terminal_id};
        tx.execute(
            "INSERT INTO payments (idempotency_key, msisdn, amount_fen, method, channel, "
            "terminal_id, ts_ms, result_json) VALUES (?, ?, ?, ?, ?, ?, ?, '{}')",
            {payment_key(request), msisdn, amount, method, request.channel, terminal, now});
        const std::int64_t payment_id = tx.last_insert_id();
        const std::string receipt = receipt_number(payment_id);
        const CreditOutcome credit =
            credit_balance(tx, msisdn, amount, "payment", request.channel, receipt, now);
        // The money has arrived: the acquirer approved the charge, or the kiosk counted it.
        const std::int64_t ecoins = award_payment_ecoins(tx, ecoins_, msisdn, amount, receipt, now);
        nlohmann::json data = {{"msisdn", msisdn},
                               {"masked_name", masked_name(customer.front().text("name"))},
                               {"method", method},
                               {"amount_fen", amount},
                               {"balance_fen", credit.balance_fen},
                               {"settled_fen", credit.settled_fen},
                               {"settled_months", credit.settled_months},
                               {"ecoins_awarded", ecoins},
                               {"payment_id", payment_id},
                               {"receipt_no", receipt},
                               {"time", shanghai_datetime(now)}};
        if (!acquirer_reference.empty())
            data["reference"] = acquirer_reference;
        if (!request.terminal_id.empty())
            data["terminal_id"] = request.terminal_id;
        tx.execute("UPDATE payments SET result_json = ? WHERE id = ?", {data.dump(), payment_id});
        result = ServiceResult::ok(std::move(data));
        result.amount_fen = amount;
        record_result(tx, request, result, now);
    });
    return result;
}

}  // namespace ehall::billing
