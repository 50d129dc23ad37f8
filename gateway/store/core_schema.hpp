#pragma once

#include <vector>

#include <ehall/plugin.hpp>

namespace ehall {

// Migrations of the shared tables (component "core").
const std::vector<Migration>& core_migrations();

}  // namespace ehall
