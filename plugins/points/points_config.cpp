#include "points_config.hpp"

#include <stdexcept>

namespace ehall::points {

namespace {

// Relative to the working directory: `ehall serve` runs from the repository root.
constexpr const char* kDemoVoucherPool = "config/demo/merchant_vouchers.csv";

}  // namespace

PointsConfig parse_points_config(const nlohmann::json& config, bool demo) {
    if (!config.is_object())
        throw std::invalid_argument("expected an object");
    PointsConfig parsed;
    for (const auto& [key, value] : config.items()) {
        if (key != "voucher_pool_csv")
            throw std::invalid_argument("unknown key '" + key + "'");
        if (!value.is_string() || value.get_ref<const std::string&>().empty())
            throw std::invalid_argument("key 'voucher_pool_csv': expected a file path");
        parsed.voucher_pool_csv = value.get<std::string>();
    }
    if (parsed.voucher_pool_csv.empty() && demo) {
        parsed.voucher_pool_csv = kDemoVoucherPool;
        parsed.pool_required = false;
    }
    return parsed;
}

}  // namespace ehall::points
