// The family plugin's config section (`plugins.config.family`), validated once at start.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>

namespace ehall::family {

struct FamilyConfig {
    std::int64_t monthly_fee_fen = 300;  // 3 yuan a month, charged when a package is opened
    std::int64_t change_fee_fen = 100;   // per family number changed
    std::int64_t max_members = 5;        // family numbers per package
    std::int64_t free_minutes = 50;      // free local minutes per package per calendar month
};

// Defaults for missing keys; throws std::invalid_argument naming an unknown key or a bad
// value (the section is checked against a JSON Schema, <ehall/config_schema.hpp>).
FamilyConfig family_config_from(const nlohmann::json& section);

}  // namespace ehall::family
