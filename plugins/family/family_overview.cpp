#include "family_overview.hpp"

#include <algorithm>

#include <ehall/clock.hpp>
#include "family_calendar.hpp"
#include "family_packages.hpp"

namespace ehall::family {

namespace {

std::int64_t minutes_used(Transaction& tx, std::int64_t package_id, const std::string& month) {
    auto rows = tx.query("SELECT minutes_used FROM family_usage WHERE package_id = ? AND month = ?",
                         {package_id, month});
    return rows.empty() ? 0 : rows.front().integer("minutes_used");
}

nlohmann::json members_with_dates(Transaction& tx, std::int64_t package_id) {
    nlohmann::json members = nlohmann::json::array();
    for (const auto& row : tx.query("SELECT number, added_ms FROM family_members WHERE package_id "
                                    "= ? ORDER BY slot, number",
                                    {package_id})) {
        members.push_back({{"number", row.text("number")},
                           {"added", shanghai_datetime(row.integer("added_ms"))}});
    }
    return members;
}

}  // namespace

ServiceResult show_packages(Store& store, const std::string& msisdn, const FamilyConfig& config,
                            std::int64_t now_ms) {
    const std::string month = shanghai_month(now_ms);
    nlohmann::json packages = nlohmann::json::array();
    std::int64_t free_minutes_left = 0;
    std::int64_t monthly_fee_fen = 0;
    store.read([&](Transaction& tx) {
        for (const auto& package : packages_in_force(tx, msisdn, shanghai_date(now_ms))) {
            const std::int64_t used = minutes_used(tx, package.id, month);
            const std::int64_t left = std::max<std::int64_t>(0, config.free_minutes - used);
            free_minutes_left += left;
            if (package.status == "active")
                monthly_fee_fen += config.monthly_fee_fen;
            packages.push_back(
                {{"package_id", package.id},
                 {"status", package.status},
                 {"opened", shanghai_datetime(package.opened_ms)},
                 {"ends_on", package.ends_on.empty() ? nlohmann::json(nullptr)
                                                     : nlohmann::json(package.ends_on)},
                 {"members", members_with_dates(tx, package.id)},
                 {"max_members", config.max_members},
                 {"free_minutes", config.free_minutes},
                 {"free_minutes_used", used},
                 {"free_minutes_left", left},
                 {"monthly_fee_fen", config.monthly_fee_fen}});
        }
    });
    return ServiceResult::ok({{"msisdn", msisdn},
                              {"month", month},
                              {"packages", packages},
                              {"free_minutes_left", free_minutes_left},
                              {"monthly_fee_fen", monthly_fee_fen}});
}

}  // namespace ehall::family
