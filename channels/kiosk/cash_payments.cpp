#include "channels/kiosk/cash_payments.hpp"

#include <ehall/clock.hpp>
#include "gateway/base/yuan.hpp"

namespace ehall {

namespace {

bool may_have_gone_through(const ServiceResult& result) {
    return result.code == "timeout" || result.code == "internal_error";
}

}  // namespace

std::optional<ServiceResult> CashPayments::reserve(const std::string& terminal_id,
                                                   const std::string& kiosk_txn,
                                                   const std::string& msisdn,
                                                   std::int64_t amount_fen, std::int64_t now_ms) {
    std::optional<ServiceResult> refused;
    store_.write([&](Transaction& tx) {
        auto held = tx.query(
            "SELECT msisdn, amount_fen, state FROM kiosk_cash "
            "WHERE terminal_id = ? AND kiosk_txn = ?",
            {terminal_id, kiosk_txn});
        if (!held.empty()) {
            const Row& row = held.front();
            if (row.text("msisdn") != msisdn || row.integer("amount_fen") != amount_fen) {
                refused =
                    ServiceResult::error("bad_request", "kiosk_txn " + kiosk_txn + " holds " +
                                                            format_yuan(row.integer("amount_fen")) +
                                                            " yuan for another payment");
            } else if (row.text("state") == "open") {
                tx.execute(
                    "UPDATE kiosk_cash SET state = 'paying' WHERE terminal_id = ? AND "
                    "kiosk_txn = ?",
                    {terminal_id, kiosk_txn});
            }
            return;  // held already, within the caps
        }
        const std::string day = shanghai_date(now_ms);
        if ((refused = caps_.refusal(tx, terminal_id, day, amount_fen, amount_fen)))
            return;
        tx.execute(
            "INSERT INTO kiosk_cash (terminal_id, kiosk_txn, msisdn, amount_fen, day, state, "
            "by_notes, opened_ms, updated_ms) VALUES (?, ?, ?, ?, ?, 'paying', 0, ?, ?)",
            {terminal_id, kiosk_txn, msisdn, amount_fen, day, now_ms, now_ms});
    });
    return refused;
}

void CashPayments::settle(const std::string& terminal_id, const std::string& kiosk_txn,
                          const std::string& msisdn, std::int64_t amount_fen,
                          const ServiceResult& result, std::int64_t now_ms) {
    if (!result.is_ok() && may_have_gone_through(result))
        return;
    store_.write([&](Transaction& tx) {
        if (result.is_ok()) {
            // Upsert: a concurrent retry refused meanwhile may have released the row.
            tx.execute(
                "INSERT INTO kiosk_cash (terminal_id, kiosk_txn, msisdn, amount_fen, day, state, "
                "by_notes, opened_ms, updated_ms, paid_ms) "
                "VALUES (?, ?, ?, ?, ?, 'paid', 0, ?, ?, ?) "
                "ON CONFLICT (terminal_id, kiosk_txn) DO UPDATE SET state = 'paid', "
                "paid_ms = coalesce(kiosk_cash.paid_ms, excluded.paid_ms)",
                {terminal_id, kiosk_txn, msisdn, amount_fen, shanghai_date(now_ms), now_ms, now_ms,
                 now_ms});
            return;
        }
        tx.execute(
            "UPDATE kiosk_cash SET state = 'open' "
            "WHERE terminal_id = ? AND kiosk_txn = ? AND by_notes = 1 AND state = 'paying'",
            {terminal_id, kiosk_txn});
        tx.execute(
            "DELETE FROM kiosk_cash "
            "WHERE terminal_id = ? AND kiosk_txn = ? AND by_notes = 0 AND state = 'paying'",
            {terminal_id, kiosk_txn});
    });
}

}  // namespace ehall
