#include "ld_subscription.hpp"

#include <ehall/clock.hpp>

namespace ehall::offers {

namespace {

constexpr const char* kProduct = "12593";

nlohmann::json subscription_json(const Row& row, bool already) {
    return {{"subscribed", true},
            {"product", row.text("product")},
            {"since", shanghai_datetime(row.integer("subscribed_ms"))},
            {"already_subscribed", already}};
}

}  // namespace

ServiceResult subscribe_ld(Transaction& tx, const ServiceRequest& request, std::int64_t now_ms) {
    const bool added = tx.execute(
                           "INSERT INTO ld_subscriptions (msisdn, product, channel, subscribed_ms) "
                           "VALUES (?, ?, ?, ?) ON CONFLICT (msisdn) DO NOTHING",
                           {request.customer, request.params.value("product", kProduct),
                            request.channel, now_ms}) == 1;
    auto rows = tx.query("SELECT product, subscribed_ms FROM ld_subscriptions WHERE msisdn = ?",
                         {request.customer});
    return ServiceResult::ok(subscription_json(rows.front(), !added));
}

ServiceResult ld_status(Store& store, const ServiceRequest& request) {
    nlohmann::json data = {{"subscribed", false}, {"product", kProduct}};
    store.read([&](Transaction& tx) {
        auto rows = tx.query("SELECT product, subscribed_ms FROM ld_subscriptions WHERE msisdn = ?",
                             {request.customer});
        if (!rows.empty()) {
            data = subscription_json(rows.front(), true);
            data.erase("already_subscribed");
        }
    });
    return ServiceResult::ok(data);
}

}  // namespace ehall::offers
