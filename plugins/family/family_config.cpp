#include "plugins/family/family_config.hpp"

#include <stdexcept>
#include <string>

namespace ehall::family {

namespace {

std::int64_t whole_number(const std::string& key, const nlohmann::json& value, std::int64_t least) {
    if (!value.is_number_integer() || value.get<std::int64_t>() < least) {
        throw std::invalid_argument("plugins.config.family." + key +
                                    ": must be a whole number of at least " +
                                    std::to_string(least));
    }
    return value.get<std::int64_t>();
}

}  // namespace

FamilyConfig family_config_from(const nlohmann::json& section) {
    FamilyConfig config;
    if (section.is_null())
        return config;
    if (!section.is_object())
        throw std::invalid_argument("plugins.config.family: must be an object");
    for (const auto& [key, value] : section.items()) {
        if (key == "monthly_fee_fen") {
            config.monthly_fee_fen = whole_number(key, value, 0);
        } else if (key == "change_fee_fen") {
            config.change_fee_fen = whole_number(key, value, 0);
        } else if (key == "max_members") {
            config.max_members = whole_number(key, value, 1);
        } else if (key == "free_minutes") {
            config.free_minutes = whole_number(key, value, 0);
        } else {
            throw std::invalid_argument("plugins.config.family." + key + ": unknown key '" + key +
                                        "'");
        }
    }
    return config;
}

}  // namespace ehall::family
