// The operator's money rules that several plugins share (DESIGN §8), on the core tables.
// Header-only and inside the caller's transaction, so a plugin applies them atomically
// with its own changes without linking the host.
//
// - Every payment, top-up, voucher or redeemed phone credit adds its amount to the balance.
// - A due bill is settled (marked paid, its amount taken from the balance) only when the
//   balance covers it in full; bills are settled oldest first.
// - A fee is charged only when the balance covers it: the balance never goes negative.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <ehall/store.hpp>

namespace ehall {

struct CreditOutcome {
    std::int64_t balance_fen = 0;  // after the credit and any settlements
    std::int64_t settled_fen = 0;
    std::vector<std::string> settled_months;
};

inline void add_ledger_entry(Transaction& tx, const std::string& msisdn, std::int64_t now_ms,
                             std::int64_t delta_fen, std::string_view kind,
                             std::string_view channel, std::string_view reference) {
    tx.execute(
        "INSERT INTO balance_ledger (msisdn, ts_ms, delta_fen, kind, channel, reference) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        {msisdn, now_ms, delta_fen, std::string(kind), std::string(channel),
         std::string(reference)});
}

inline std::int64_t balance_of(Transaction& tx, const std::string& msisdn) {
    auto rows = tx.query("SELECT balance_fen FROM accounts WHERE msisdn = ?", {msisdn});
    if (rows.empty())
        throw StoreError("no account for " + msisdn, false);
    return rows.front().integer("balance_fen");
}

// Adds `amount_fen` (> 0) to the balance, then settles the due bills it now covers.
inline CreditOutcome credit_balance(Transaction& tx, const std::string& msisdn,
                                    std::int64_t amount_fen, std::string_view kind,
                                    std::string_view channel, std::string_view reference,
                                    std::int64_t now_ms) {
    if (tx.execute("UPDATE accounts SET balance_fen = balance_fen + ? WHERE msisdn = ?",
                   {amount_fen, msisdn}) != 1) {
        throw StoreError("no account for " + msisdn, false);
    }
    add_ledger_entry(tx, msisdn, now_ms, amount_fen, kind, channel, reference);
    CreditOutcome outcome;
    outcome.balance_fen = balance_of(tx, msisdn);
    for (const auto& bill :
         tx.query("SELECT id, month, amount_fen FROM bills WHERE msisdn = ? AND status = 'due' "
                  "ORDER BY month",
                  {msisdn})) {
        std::int64_t due = bill.integer("amount_fen");
        if (outcome.balance_fen < due)
            break;
        tx.execute("UPDATE bills SET status = 'paid', paid_at_ms = ? WHERE id = ?",
                   {now_ms, bill.integer("id")});
        tx.execute("UPDATE accounts SET balance_fen = balance_fen - ? WHERE msisdn = ?",
                   {due, msisdn});
        add_ledger_entry(tx, msisdn, now_ms, -due, "bill_settlement", channel, bill.text("month"));
        outcome.balance_fen -= due;
        outcome.settled_fen += due;
        outcome.settled_months.push_back(bill.text("month"));
    }
    return outcome;
}

// Takes a fee from the balance. Returns false, changing nothing, when the balance is short.
inline bool charge_balance(Transaction& tx, const std::string& msisdn, std::int64_t amount_fen,
                           std::string_view kind, std::string_view channel,
                           std::string_view reference, std::int64_t now_ms) {
    if (tx.execute("UPDATE accounts SET balance_fen = balance_fen - ? "
                   "WHERE msisdn = ? AND balance_fen >= ?",
                   {amount_fen, msisdn, amount_fen}) != 1) {
        return false;
    }
    add_ledger_entry(tx, msisdn, now_ms, -amount_fen, kind, channel, reference);
    return true;
}

// Moves points and e-coins (either delta may be 0 or negative) and records the entry.
// Returns false, changing nothing, when a balance would go negative.
inline bool move_points(Transaction& tx, const std::string& msisdn, std::int64_t points_delta,
                        std::int64_t ecoins_delta, std::string_view reason,
                        std::string_view reference, std::int64_t now_ms) {
    if (tx.execute("UPDATE accounts SET points = points + ?, ecoins = ecoins + ? "
                   "WHERE msisdn = ? AND points + ? >= 0 AND ecoins + ? >= 0",
                   {points_delta, ecoins_delta, msisdn, points_delta, ecoins_delta}) != 1) {
        return false;
    }
    tx.execute(
        "INSERT INTO points_ledger (msisdn, ts_ms, points_delta, ecoins_delta, reason, reference) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        {msisdn, now_ms, points_delta, ecoins_delta, std::string(reason), std::string(reference)});
    return true;
}

}  // namespace ehall
