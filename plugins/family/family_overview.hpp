// `show`: the customer's family packages in force, their numbers, and this month's free
// minutes left.
#pragma once

#include <cstdint>

#include <ehall/plugin.hpp>
#include "family_config.hpp"

namespace ehall::family {

ServiceResult show_packages(Store& store, const std::string& msisdn, const FamilyConfig& config,
                            std::int64_t now_ms);

}  // namespace ehall::family
