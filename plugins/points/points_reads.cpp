#include "points_reads.hpp"

#include "reward_catalog.hpp"

namespace ehall::points {

namespace {

nlohmann::json catalog_entry(const Reward& reward, const Customer& customer) {
    const auto left = reward.stock_left();
    const bool with_points = reward.points_price > 0 && customer.points >= reward.points_price;
    const bool with_ecoins = reward.ecoins_price > 0 && customer.ecoins >= reward.ecoins_price;
    return {{"item", reward.item},
            {"title", reward.title},
            {"kind", reward.kind},
            {"points_price", reward.points_price},
            {"ecoins_price", reward.ecoins_price},
            {"value_fen", reward.value_fen},
            {"stock", left ? nlohmann::json(*left) : nlohmann::json(nullptr)},
            {"in_stock", !left || *left > 0},
            {"affordable", with_points || with_ecoins}};
}

}  // namespace

ServiceResult read_points(Store& store, const std::string& msisdn) {
    ServiceResult result = ServiceResult::error("not_found", "no account for this number");
    store.read([&](Transaction& tx) {
        if (auto customer = find_customer(tx, msisdn)) {
            result = ServiceResult::ok(
                {{"msisdn", msisdn}, {"points", customer->points}, {"ecoins", customer->ecoins}});
        }
    });
    return result;
}

ServiceResult read_catalog(Store& store, const std::string& msisdn) {
    ServiceResult result = ServiceResult::error("not_found", "no account for this number");
    store.read([&](Transaction& tx) {
        auto customer = find_customer(tx, msisdn);
        if (!customer)
            return;
        nlohmann::json items = nlohmann::json::array();
        for (const auto& reward : rewards_for_brand(tx, customer->brand))
            items.push_back(catalog_entry(reward, *customer));
        result = ServiceResult::ok({{"brand", customer->brand},
                                    {"points", customer->points},
                                    {"ecoins", customer->ecoins},
                                    {"items", std::move(items)}});
    });
    return result;
}

}  // namespace ehall::points
