#include "family_members.hpp"

#include <algorithm>
#include <iterator>
#include <string>

#include <ehall/account_rules.hpp>
#include "family_calendar.hpp"
#include "family_number.hpp"
#include "family_packages.hpp"

namespace ehall::family {

namespace {

std::string param(const ServiceRequest& request, const char* name) {
    return request.params[name].get<std::string>();
}

std::optional<ServiceResult> number_refusal(Transaction& tx, const ServiceRequest& request,
                                            const std::string& number) {
    auto problem =
        family_number_problem(number, request.customer, home_area_of(tx, request.customer));
    if (!problem)
        return std::nullopt;
    return ServiceResult::error("family_number_invalid", number + ": " + *problem);
}

// The package `package_id` names, else the customer's package that holds `number`.
PackageChoice package_holding(Transaction& tx, const ServiceRequest& request,
                              const std::string& number, std::int64_t now_ms) {
    const auto packages = packages_in_force(tx, request.customer, shanghai_date(now_ms));
    if (auto named = named_package(packages, request)) {
        if (auto* package = std::get_if<FamilyPackage>(&*named);
            package && !has_member(tx, package->id, number)) {
            return ServiceResult::error(
                "not_found",
                number + " is not a family number of package " + std::to_string(package->id));
        }
        return *named;
    }
    if (packages.empty())
        return ServiceResult::error("not_found", kNoPackage);
    std::vector<FamilyPackage> holders;
    for (const auto& package : packages) {
        if (has_member(tx, package.id, number))
            holders.push_back(package);
    }
    if (holders.empty())
        return ServiceResult::error("not_found", number + " is not one of your family numbers");
    if (holders.size() > 1) {
        return ServiceResult::error("bad_request", number + " is in your family packages " +
                                                       id_list(holders) + ": say which one");
    }
    return holders.front();
}

// The package `package_id` names, else the first active package with room.
PackageChoice package_for_new_member(Transaction& tx, const ServiceRequest& request,
                                     const FamilyConfig& config, std::int64_t now_ms) {
    const auto packages = packages_in_force(tx, request.customer, shanghai_date(now_ms));
    if (auto named = named_package(packages, request))
        return *named;
    std::vector<FamilyPackage> active;
    std::copy_if(packages.begin(), packages.end(), std::back_inserter(active),
                 [](const FamilyPackage& package) { return package.status == "active"; });
    if (active.empty())
        return ServiceResult::error("not_found", kNoPackage);
    for (const auto& package : active) {
        if (static_cast<std::int64_t>(member_numbers(tx, package.id).size()) < config.max_members)
            return package;
    }
    return active.front();  // all full: the limit check answers
}

nlohmann::json member_list(Transaction& tx, std::int64_t package_id) {
    return member_numbers(tx, package_id);
}

}  // namespace

ServiceResult add_member(Transaction& tx, const ServiceRequest& request, const FamilyConfig& config,
                         std::int64_t now_ms) {
    const std::string number = param(request, "number");
    if (auto refusal = number_refusal(tx, request, number))
        return *refusal;
    auto choice = package_for_new_member(tx, request, config, now_ms);
    if (auto* refused = std::get_if<ServiceResult>(&choice))
        return *refused;
    const auto package_id = std::get<FamilyPackage>(choice).id;
    const auto members = member_numbers(tx, package_id);
    if (std::find(members.begin(), members.end(), number) != members.end()) {
        return ServiceResult::error(
            "family_number_invalid",
            number + " is already a family number of package " + std::to_string(package_id));
    }
    if (static_cast<std::int64_t>(members.size()) >= config.max_members) {
        return ServiceResult::error("family_number_limit",
                                    "family package " + std::to_string(package_id) +
                                        " already has " + std::to_string(members.size()) +
                                        " family numbers");
    }
    tx.execute(
        "INSERT INTO family_members (package_id, number, added_ms, slot) VALUES (?, ?, ?, ?)",
        {package_id, number, now_ms, now_ms});
    return ServiceResult::ok({{"package_id", package_id},
                              {"number", number},
                              {"members", member_list(tx, package_id)},
                              {"max_members", config.max_members},
                              {"fee_fen", 0}});
}

ServiceResult remove_member(Transaction& tx, const ServiceRequest& request, std::int64_t now_ms) {
    const std::string number = param(request, "number");
    auto choice = package_holding(tx, request, number, now_ms);
    if (auto* refused = std::get_if<ServiceResult>(&choice))
        return *refused;
    const auto package_id = std::get<FamilyPackage>(choice).id;
    tx.execute("DELETE FROM family_members WHERE package_id = ? AND number = ?",
               {package_id, number});
    return ServiceResult::ok({{"package_id", package_id},
                              {"number", number},
                              {"members", member_list(tx, package_id)},
                              {"fee_fen", 0}});
}

ServiceResult change_member(Transaction& tx, const ServiceRequest& request,
                            const FamilyConfig& config, std::int64_t now_ms) {
    const std::string old_number = param(request, "old");
    const std::string new_number = param(request, "new");
    if (auto refusal = number_refusal(tx, request, new_number))
        return *refusal;
    if (new_number == old_number) {
        return ServiceResult::error("family_number_invalid",
                                    "the new number is the same as the old one");
    }
    auto choice = package_holding(tx, request, old_number, now_ms);
    if (auto* refused = std::get_if<ServiceResult>(&choice))
        return *refused;
    const auto package_id = std::get<FamilyPackage>(choice).id;
    if (has_member(tx, package_id, new_number)) {
        return ServiceResult::error(
            "family_number_invalid",
            new_number + " is already a family number of package " + std::to_string(package_id));
    }
    const std::int64_t fee = config.change_fee_fen;
    if (fee > 0 && !charge_balance(tx, request.customer, fee, "fee", request.channel,
                                   "family:" + std::to_string(package_id) + ":change", now_ms)) {
        return ServiceResult::error("insufficient_balance",
                                    "changing a family number costs " + std::to_string(fee) +
                                        " fen, more than your balance of " +
                                        std::to_string(balance_of(tx, request.customer)) + " fen");
    }
    tx.execute(
        "UPDATE family_members SET number = ?, added_ms = ? WHERE package_id = ? AND number = ?",
        {new_number, now_ms, package_id, old_number});
    auto result = ServiceResult::ok({{"package_id", package_id},
                                     {"old", old_number},
                                     {"new", new_number},
                                     {"members", member_list(tx, package_id)},
                                     {"fee_fen", fee},
                                     {"balance_fen", balance_of(tx, request.customer)}});
    if (fee > 0)
        result.amount_fen = fee;
    return result;
}

}  // namespace ehall::family
