#include "family_config.hpp"

#include <ehall/config_schema.hpp>

namespace ehall::family {

namespace {

const nlohmann::json kConfigSchema = nlohmann::json::parse(R"({
  "type": "object",
  "additionalProperties": false,
  "properties": {
    "monthly_fee_fen": {"type": "integer", "minimum": 0},
    "change_fee_fen": {"type": "integer", "minimum": 0},
    "max_members": {"type": "integer", "minimum": 1},
    "free_minutes": {"type": "integer", "minimum": 0}
  }
})");

}  // namespace

FamilyConfig family_config_from(const nlohmann::json& section) {
    check_config(section, kConfigSchema);
    FamilyConfig config;
    if (section.is_null())
        return config;
    config.monthly_fee_fen = section.value("monthly_fee_fen", config.monthly_fee_fen);
    config.change_fee_fen = section.value("change_fee_fen", config.change_fee_fen);
    config.max_members = section.value("max_members", config.max_members);
    config.free_minutes = section.value("free_minutes", config.free_minutes);
    return config;
}

}  // namespace ehall::family
