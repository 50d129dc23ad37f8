#include "points_config.hpp"

#include <ehall/config_schema.hpp>

namespace ehall::points {

namespace {

// Relative to the working directory: `ehall serve` runs from the repository root.
constexpr const char* kDemoVoucherPool = "config/demo/merchant_vouchers.csv";

const nlohmann::json kConfigSchema = nlohmann::json::parse(R"({
  "type": "object",
  "additionalProperties": false,
  "properties": {"voucher_pool_csv": {"type": "string", "minLength": 1}}
})");

}  // namespace

PointsConfig parse_points_config(const nlohmann::json& config, bool demo) {
    check_config(config, kConfigSchema);
    PointsConfig parsed;
    if (config.is_object())
        parsed.voucher_pool_csv = config.value("voucher_pool_csv", "");
    if (parsed.voucher_pool_csv.empty() && demo) {
        parsed.voucher_pool_csv = kDemoVoucherPool;
        parsed.pool_required = false;
    }
    return parsed;
}

}  // namespace ehall::points
