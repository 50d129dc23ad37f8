// Reading the customer's family packages inside a transaction, and choosing the package an
// operation works on.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <ehall/plugin.hpp>

namespace ehall::family {

struct FamilyPackage {
    std::int64_t id = 0;
    std::string status{};   // active, cancelling
    std::string ends_on{};  // YYYY-MM-DD for a cancelling package, else empty
    std::int64_t opened_ms = 0;
};

inline constexpr const char* kNoPackage = "no family package; send QQB KT to open one";

// The customer's packages still in force on `today` (active, or cancelling until their last
// day), oldest first.
std::vector<FamilyPackage> packages_in_force(Transaction& tx, const std::string& msisdn,
                                             const std::string& today);
std::vector<std::string> member_numbers(Transaction& tx, std::int64_t package_id);
bool has_member(Transaction& tx, std::int64_t package_id, const std::string& number);
std::string home_area_of(Transaction& tx, const std::string& msisdn);

// The package a request names with `package_id`, or an error result; nullopt when the
// request names none.
using PackageChoice = std::variant<FamilyPackage, ServiceResult>;
std::optional<PackageChoice> named_package(const std::vector<FamilyPackage>& packages,
                                           const ServiceRequest& request);

// "3, 7": package ids for a message asking the customer to pick one.
std::string id_list(const std::vector<FamilyPackage>& packages);

}  // namespace ehall::family
