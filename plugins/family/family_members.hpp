// Adding, removing and changing family numbers. Each runs inside the caller's write
// transaction; an error result means the caller rolls back whatever the operation wrote.
#pragma once

#include <cstdint>

#include <ehall/plugin.hpp>
#include "family_config.hpp"

namespace ehall::family {

// Free. Without package_id: the first active package with room.
ServiceResult add_member(Transaction& tx, const ServiceRequest& request, const FamilyConfig& config,
                         std::int64_t now_ms);
// Free. Without package_id: the package holding the number.
ServiceResult remove_member(Transaction& tx, const ServiceRequest& request, std::int64_t now_ms);
// Replaces `old` by `new` for the change fee. Without package_id: the package holding `old`.
ServiceResult change_member(Transaction& tx, const ServiceRequest& request,
                            const FamilyConfig& config, std::int64_t now_ms);

}  // namespace ehall::family
