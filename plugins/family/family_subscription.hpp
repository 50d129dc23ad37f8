// Opening and cancelling family packages. Each runs inside the caller's write transaction;
// an error result means the caller rolls back whatever the operation wrote.
#pragma once

#include <cstdint>

#include <ehall/plugin.hpp>
#include "family_config.hpp"

namespace ehall::family {

// A new package (a customer may hold several), its first month's fee taken from the balance.
ServiceResult open_package(Transaction& tx, const ServiceRequest& request,
                           const FamilyConfig& config, std::int64_t now_ms);

// The package stays in force to the end of this calendar month, then ends.
ServiceResult cancel_package(Transaction& tx, const ServiceRequest& request, std::int64_t now_ms);

}  // namespace ehall::family
