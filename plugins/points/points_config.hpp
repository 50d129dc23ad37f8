// The points plugin's config section: {"voucher_pool_csv": "path"}, nothing else.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace ehall::points {

struct PointsConfig {
    std::string voucher_pool_csv{};  // empty: no pool to import
    bool pool_required = true;       // false for the demo default: a missing file is skipped
};

// Throws std::invalid_argument naming the offending key.
PointsConfig parse_points_config(const nlohmann::json& config, bool demo);

}  // namespace ehall::points
