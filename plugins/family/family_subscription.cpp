#include "family_subscription.hpp"

#include <string>

#include <ehall/account_rules.hpp>
#include <ehall/clock.hpp>
#include "family_calendar.hpp"
#include "family_packages.hpp"

namespace ehall::family {

ServiceResult open_package(Transaction& tx, const ServiceRequest& request,
                           const FamilyConfig& config, std::int64_t now_ms) {
    const std::string& msisdn = request.customer;
    tx.execute("INSERT INTO family_packages (msisdn, status, opened_ms) VALUES (?, 'active', ?)",
               {msisdn, now_ms});
    const std::int64_t package_id = tx.last_insert_id();
    const std::int64_t fee = config.monthly_fee_fen;
    if (fee > 0 &&
        !charge_balance(tx, msisdn, fee, "fee", request.channel,
                        "family:" + std::to_string(package_id) + ":monthly_fee", now_ms)) {
        return ServiceResult::error("insufficient_balance",
                                    "the monthly fee of " + std::to_string(fee) +
                                        " fen is more than your balance of " +
                                        std::to_string(balance_of(tx, msisdn)) + " fen");
    }
    auto result = ServiceResult::ok({{"package_id", package_id},
                                     {"status", "active"},
                                     {"opened", shanghai_datetime(now_ms)},
                                     {"monthly_fee_fen", fee},
                                     {"charged_fen", fee},
                                     {"balance_fen", balance_of(tx, msisdn)},
                                     {"max_members", config.max_members},
                                     {"free_minutes", config.free_minutes}});
    if (fee > 0)
        result.amount_fen = fee;
    return result;
}

ServiceResult cancel_package(Transaction& tx, const ServiceRequest& request, std::int64_t now_ms) {
    const auto packages = packages_in_force(tx, request.customer, shanghai_date(now_ms));
    FamilyPackage package;
    if (auto named = named_package(packages, request)) {
        if (auto* refused = std::get_if<ServiceResult>(&*named))
            return *refused;
        package = std::get<FamilyPackage>(*named);
        if (package.status != "active") {
            return ServiceResult::error(
                "not_found",
                "family package " + std::to_string(package.id) + " is already cancelled");
        }
    } else {
        std::vector<FamilyPackage> active;
        for (const auto& candidate : packages) {
            if (candidate.status == "active")
                active.push_back(candidate);
        }
        if (active.empty())
            return ServiceResult::error("not_found", kNoPackage);
        if (active.size() > 1) {
            return ServiceResult::error(
                "bad_request",
                "you hold family packages " + id_list(active) + ": say which one to cancel");
        }
        package = active.front();
    }
    const std::string ends_on = last_day_of_month(now_ms);
    tx.execute(
        "UPDATE family_packages SET status = 'cancelling', ends_on = ? "
        "WHERE id = ? AND status = 'active'",
        {ends_on, package.id});
    return ServiceResult::ok(
        {{"package_id", package.id}, {"status", "cancelling"}, {"ends_on", ends_on}});
}

}  // namespace ehall::family
