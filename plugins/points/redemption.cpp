#include "redemption.hpp"

#include <cstdio>

#include <ehall/account_rules.hpp>
#include <ehall/clock.hpp>
#include <ehall/idempotency.hpp>
#include "reward_catalog.hpp"
#include "reward_fulfilment.hpp"

namespace ehall::points {

namespace {

// Thrown inside the write transaction to roll back everything done so far (the debit,
// the stock) and answer with `result`.
struct Declined {
    ServiceResult result;
};

[[noreturn]] void decline(std::string code, std::string message) {
    throw Declined{ServiceResult::error(std::move(code), std::move(message))};
}

std::string redemption_no(std::int64_t id) {
    char text[32];
    std::snprintf(text, sizeof text, "R%08lld", static_cast<long long>(id));
    return text;
}

struct Price {
    std::int64_t points = 0;
    std::int64_t ecoins = 0;
};

Price price_in(const Reward& reward, const std::string& pay_with) {
    if (pay_with == "ecoins") {
        if (reward.ecoins_price <= 0)
            decline("bad_request", reward.item + " cannot be paid with e-coins");
        return {.ecoins = reward.ecoins_price};
    }
    if (reward.points_price <= 0)
        decline("bad_request", reward.item + " cannot be paid with points");
    return {.points = reward.points_price};
}

ServiceResult redeem_in(Transaction& tx, const ServiceRequest& request, std::int64_t now) {
    const std::string item = request.params.at("item").get<std::string>();
    const std::string pay_with = request.params.value("pay_with", "points");
    const auto customer = find_customer(tx, request.customer);
    if (!customer)
        decline("not_found", "no account for this number");
    const auto reward = find_reward(tx, item, customer->brand);
    if (!reward)
        decline("not_found", "no reward " + item + " for this customer");
    const Price price = price_in(*reward, pay_with);

    tx.execute(
        "INSERT INTO redemptions (msisdn, item, kind, points, ecoins, ts_ms) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        {customer->msisdn, reward->item, reward->kind, price.points, price.ecoins, now});
    const std::int64_t id = tx.last_insert_id();
    const std::string number = redemption_no(id);

    if (!move_points(tx, customer->msisdn, -price.points, -price.ecoins, "redeem", number, now)) {
        decline("insufficient_points",
                pay_with == "ecoins" ? "not enough e-coins" : "not enough points");
    }
    // Conditional, so concurrent redemptions can never take the stock below zero.
    if (reward->stock && tx.execute("UPDATE rewards SET stock = stock - 1 "
                                    "WHERE item = ? AND stock > 0",
                                    {reward->item}) != 1) {
        decline("out_of_stock", reward->item + " is out of stock");
    }
    const auto fulfilment = fulfil(tx, *reward,
                                   {.msisdn = customer->msisdn,
                                    .channel = request.channel,
                                    .redemption_no = number,
                                    .now_ms = now});
    if (!fulfilment)
        decline("out_of_stock", "no " + reward->item + " voucher codes left");
    if (!fulfilment->code.empty()) {
        tx.execute("UPDATE redemptions SET code = ? WHERE id = ?", {fulfilment->code, id});
    }

    nlohmann::json data = {{"item", reward->item},
                           {"title", reward->title},
                           {"kind", reward->kind},
                           {"points_spent", price.points},
                           {"ecoins_spent", price.ecoins},
                           {"points", customer->points - price.points},
                           {"ecoins", customer->ecoins - price.ecoins},
                           {"redemption_no", number}};
    data.update(fulfilment->data);
    ServiceResult result = ServiceResult::ok(std::move(data));
    result.amount_fen = fulfilment->amount_fen;
    return result;
}

}  // namespace

ServiceResult redeem(Store& store, const ServiceRequest& request) {
    if (request.params.value("item", "").empty())
        return ServiceResult::error("bad_request", "parameter 'item' is empty");
    try {
        return idempotent_write(store, request, [&](Transaction& tx, std::int64_t now) {
            return redeem_in(tx, request, now);
        });
    } catch (const Declined& declined) {
        return declined.result;
    }
}

}  // namespace ehall::points
