#include "reward_fulfilment.hpp"

#include <cstdio>
#include <random>
#include <stdexcept>

#include <ehall/account_rules.hpp>

namespace ehall::points {

namespace {

Fulfilment credit(Transaction& tx, const Reward& reward, std::string_view ledger_kind,
                  const FulfilmentContext& context) {
    if (reward.value_fen <= 0)
        throw std::runtime_error("reward " + reward.item + " has no value_fen to credit");
    const CreditOutcome outcome =
        credit_balance(tx, context.msisdn, reward.value_fen, ledger_kind, context.channel,
                       context.redemption_no, context.now_ms);
    Fulfilment done;
    done.amount_fen = reward.value_fen;
    done.data = {{"value_fen", reward.value_fen}, {"balance_fen", outcome.balance_fen}};
    if (outcome.settled_fen > 0)
        done.data["settled_fen"] = outcome.settled_fen;
    return done;
}

// Eight digits from the system's random source: pickup codes must not be guessable.
std::string pickup_code() {
    std::random_device source;
    std::uniform_int_distribution<int> digits(0, 99'999'999);
    char code[16];
    std::snprintf(code, sizeof code, "%08d", digits(source));
    return code;
}

std::optional<Fulfilment> issue_voucher(Transaction& tx, const Reward& reward,
                                        const FulfilmentContext& context) {
    auto rows = tx.query(
        "SELECT code FROM merchant_voucher_codes WHERE item = ? AND issued_to IS NULL "
        "ORDER BY code LIMIT 1",
        {reward.item});
    if (rows.empty())
        return std::nullopt;
    const std::string code = rows.front().text("code");
    if (tx.execute("UPDATE merchant_voucher_codes SET issued_to = ?, issued_ms = ? "
                   "WHERE code = ? AND issued_to IS NULL",
                   {context.msisdn, context.now_ms, code}) != 1) {
        return std::nullopt;
    }
    Fulfilment done;
    done.code = code;
    done.data = {{"voucher_code", code}};
    return done;
}

}  // namespace

std::optional<Fulfilment> fulfil(Transaction& tx, const Reward& reward,
                                 const FulfilmentContext& context) {
    if (reward.kind == "phone_credit")
        return credit(tx, reward, "points_credit", context);
    if (reward.kind == "service_fee")
        return credit(tx, reward, "service_fee", context);
    if (reward.kind == "merchant_voucher")
        return issue_voucher(tx, reward, context);
    if (reward.kind == "gift") {
        Fulfilment done;
        done.code = pickup_code();
        done.data = {{"pickup_code", done.code}};
        return done;
    }
    throw std::runtime_error("reward " + reward.item + " has unknown kind " + reward.kind);
}

}  // namespace ehall::points
