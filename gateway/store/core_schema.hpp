#pragma once

#include <vector>

#include "gateway/plugin_api.hpp"

namespace ehall {

// Migrations of the shared tables (component "core").
const std::vector<Migration>& core_migrations();

}  // namespace ehall
