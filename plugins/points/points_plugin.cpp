// The points plugin module: points and e-coin balances, the rewards catalog by brand, and
// redemptions (phone credit, service fees, gifts, merchant-alliance vouchers).
#include <filesystem>

#include <ehall/plugin.hpp>
#include "demo_rewards.hpp"
#include "points_config.hpp"
#include "points_manifest.hpp"
#include "points_reads.hpp"
#include "redemption.hpp"
#include "voucher_pool.hpp"

namespace ehall::points {

class PointsPlugin : public SyncPlugin {
  public:
    Manifest manifest() const override { return points_manifest(); }

    void start(PluginContext& context) override {
        const PointsConfig config = parse_points_config(context.config(), context.demo_mode());
        store_ = &context.store();
        if (context.demo_mode())
            seed_demo_rewards(*store_);
        if (config.voucher_pool_csv.empty())
            return;
        if (!config.pool_required && !std::filesystem::exists(config.voucher_pool_csv)) {
            context.log(LogLevel::warn, "no demo voucher pool at " + config.voucher_pool_csv +
                                            " (working directory is not the repository root)");
            return;
        }
        const std::size_t added = import_voucher_pool(*store_, config.voucher_pool_csv);
        context.log(LogLevel::info, "voucher pool " + config.voucher_pool_csv + ": " +
                                        std::to_string(added) + " new codes");
    }

    ServiceResult run(const ServiceRequest& request) override {
        if (request.operation == "balance")
            return read_points(*store_, request.customer);
        if (request.operation == "catalog")
            return read_catalog(*store_, request.customer);
        if (request.operation == "redeem")
            return redeem(*store_, request);
        return ServiceResult::error("unknown_operation");
    }

  private:
    Store* store_ = nullptr;
};

}  // namespace ehall::points

EHALL_DEFINE_PLUGIN(ehall::points::PointsPlugin, "points")
