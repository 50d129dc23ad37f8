#include "voucher_topup.hpp"

#include <ehall/account_rules.hpp>
#include <ehall/clock.hpp>
#include <ehall/idempotency.hpp>

namespace ehall::billing {

namespace {

std::int64_t failures_since(Transaction& tx, const std::string& msisdn, std::int64_t since_ms) {
    return tx
        .query(
            "SELECT count(*) AS n FROM billing_voucher_failures "
            "WHERE msisdn = ? AND ts_ms >= ?",
            {msisdn, since_ms})
        .front()
        .integer("n");
}

// Counts the failure and answers it; the caller's transaction commits both (the error is
// a result, not an exception, so nothing rolls back).
ServiceResult failed_attempt(Transaction& tx, const std::string& msisdn, std::int64_t now,
                             std::int64_t attempts_left, std::string code, std::string what) {
    tx.execute("DELETE FROM billing_voucher_failures WHERE msisdn = ? AND ts_ms < ?",
               {msisdn, shanghai_day_start_ms(now)});
    tx.execute("INSERT INTO billing_voucher_failures (msisdn, ts_ms) VALUES (?, ?)", {msisdn, now});
    what += attempts_left > 0 ? "; " + std::to_string(attempts_left) + " attempt(s) left today"
                              : "; no attempts left today";
    return ServiceResult::error(std::move(code), std::move(what));
}

}  // namespace

ServiceResult VoucherTopUp::run(const ServiceRequest& request) {
    const std::string& msisdn = request.customer;
    const std::string pin = request.params.at("pin").get<std::string>();
    const std::int64_t now = now_ms();
    ServiceResult result;
    store_.write([&](Transaction& tx) {
        if (auto replay = recorded_result(tx, request)) {
            result = std::move(*replay);
            return;
        }
        const std::int64_t failures = failures_since(tx, msisdn, shanghai_day_start_ms(now));
        if (failures >= attempts_per_day_) {
            result = ServiceResult::error("locked",
                                          "too many wrong voucher PINs today; try again tomorrow");
            return;
        }
        const std::int64_t left = attempts_per_day_ - failures - 1;
        auto vouchers = tx.query("SELECT amount_fen FROM vouchers WHERE pin = ?", {pin});
        if (vouchers.empty()) {
            result =
                failed_attempt(tx, msisdn, now, left, "voucher_invalid", "unknown voucher PIN");
            return;
        }
        // Conditional, so that of two top-ups racing for one PIN exactly one credits.
        if (tx.execute("UPDATE vouchers SET used_by = ?, used_at_ms = ? "
                       "WHERE pin = ? AND used_by IS NULL",
                       {msisdn, now, pin}) != 1) {
            result = failed_attempt(tx, msisdn, now, left, "voucher_used",
                                    "this voucher has already been used");
            return;
        }
        const std::int64_t amount = vouchers.front().integer("amount_fen");
        const CreditOutcome credit =
            credit_balance(tx, msisdn, amount, "voucher", request.channel, pin, now);
        result = ServiceResult::ok({{"amount_fen", amount},
                                    {"balance_fen", credit.balance_fen},
                                    {"settled_fen", credit.settled_fen},
                                    {"settled_months", credit.settled_months},
                                    {"time", shanghai_datetime(now)}});
        result.amount_fen = amount;
        record_result(tx, request, result, now);
    });
    return result;
}

}  // namespace ehall::billing
