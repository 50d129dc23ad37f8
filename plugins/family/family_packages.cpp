#include "family_packages.hpp"

namespace ehall::family {

std::vector<FamilyPackage> packages_in_force(Transaction& tx, const std::string& msisdn,
                                             const std::string& today) {
    std::vector<FamilyPackage> packages;
    for (const auto& row :
         tx.query("SELECT id, status, ends_on, opened_ms FROM family_packages WHERE msisdn = ? "
                  "AND (status = 'active' OR ends_on >= ?) ORDER BY id",
                  {msisdn, today})) {
        packages.push_back({.id = row.integer("id"),
                            .status = row.text("status"),
                            .ends_on = row.text("ends_on"),
                            .opened_ms = row.integer("opened_ms")});
    }
    return packages;
}

std::vector<std::string> member_numbers(Transaction& tx, std::int64_t package_id) {
    std::vector<std::string> numbers;
    for (const auto& row :
         tx.query("SELECT number FROM family_members WHERE package_id = ? ORDER BY slot, number",
                  {package_id})) {
        numbers.push_back(row.text("number"));
    }
    return numbers;
}

bool has_member(Transaction& tx, std::int64_t package_id, const std::string& number) {
    return !tx.query("SELECT 1 FROM family_members WHERE package_id = ? AND number = ?",
                     {package_id, number})
                .empty();
}

std::string home_area_of(Transaction& tx, const std::string& msisdn) {
    auto rows = tx.query("SELECT home_area FROM customers WHERE msisdn = ?", {msisdn});
    return rows.empty() ? std::string() : rows.front().text("home_area");
}

std::optional<PackageChoice> named_package(const std::vector<FamilyPackage>& packages,
                                           const ServiceRequest& request) {
    if (!request.params.contains("package_id"))
        return std::nullopt;
    const auto id = request.params["package_id"].get<std::int64_t>();
    for (const auto& package : packages) {
        if (package.id == id)
            return package;
    }
    // Another customer's package looks exactly like one that does not exist.
    return ServiceResult::error("not_found", "you hold no family package " + std::to_string(id));
}

std::string id_list(const std::vector<FamilyPackage>& packages) {
    std::string ids;
    for (const auto& package : packages) {
        if (!ids.empty())
            ids.append(", ");
        ids.append(std::to_string(package.id));
    }
    return ids;
}

}  // namespace ehall::family
