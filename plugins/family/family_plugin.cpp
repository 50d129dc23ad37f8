// The family package module (3元亲情包): open, add, remove, change, show, cancel.
#include "gateway/clock.hpp"
#include "gateway/idempotency.hpp"
#include "gateway/plugin_api.hpp"
#include "plugins/family/family_config.hpp"
#include "plugins/family/family_manifest.hpp"
#include "plugins/family/family_members.hpp"
#include "plugins/family/family_overview.hpp"
#include "plugins/family/family_subscription.hpp"

namespace ehall::family {

namespace {

// Thrown out of a write transaction to roll back what an operation wrote before it refused.
struct Refusal {
    ServiceResult result;
};

}  // namespace

class FamilyPlugin : public SyncPlugin {
  public:
    Manifest manifest() const override { return family_manifest(); }

    void start(PluginContext& context) override {
        config_ = family_config_from(context.config());
        store_ = &context.store();
    }

    ServiceResult run(const ServiceRequest& request) override {
        const std::string& op = request.operation;
        if (op == "show")
            return show_packages(*store_, request.customer, config_, now_ms());
        if (op == "open")
            return write_once(request, [&](Transaction& tx, std::int64_t now) {
                return open_package(tx, request, config_, now);
            });
        if (op == "add")
            return write_once(request, [&](Transaction& tx, std::int64_t now) {
                return add_member(tx, request, config_, now);
            });
        if (op == "remove")
            return write_once(request, [&](Transaction& tx, std::int64_t now) {
                return remove_member(tx, request, now);
            });
        if (op == "change")
            return write_once(request, [&](Transaction& tx, std::int64_t now) {
                return change_member(tx, request, config_, now);
            });
        if (op == "cancel")
            return write_once(request, [&](Transaction& tx, std::int64_t now) {
                return cancel_package(tx, request, now);
            });
        return ServiceResult::error("unknown_operation");
    }

  private:
    // One write transaction: the first result recorded under the request's idempotency key,
    // else the operation's, committed together with its recorded result. A refusal commits
    // nothing and is not recorded, so a retry runs again.
    template <typename Operation>
    ServiceResult write_once(const ServiceRequest& request, Operation operation) {
        ServiceResult result;
        try {
            store_->write([&](Transaction& tx) {
                if (auto recorded = recorded_result(tx, request)) {
                    result = std::move(*recorded);
                    return;
                }
                const std::int64_t now = now_ms();
                result = operation(tx, now);
                if (!result.is_ok())
                    throw Refusal{result};
                record_result(tx, request, result, now);
            });
        } catch (const Refusal& refusal) {
            return refusal.result;
        }
        return result;
    }

    FamilyConfig config_;
    Store* store_ = nullptr;
};

}  // namespace ehall::family

EHALL_DEFINE_PLUGIN(ehall::family::FamilyPlugin, "family")
