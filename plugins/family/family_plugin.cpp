// The family package module (3元亲情包): open, add, remove, change, show, cancel.
#include <ehall/clock.hpp>
#include <ehall/idempotency.hpp>
#include <ehall/plugin.hpp>
#include "family_config.hpp"
#include "family_manifest.hpp"
#include "family_members.hpp"
#include "family_overview.hpp"
#include "family_subscription.hpp"

namespace ehall::family {

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
            return idempotent_write(*store_, request, [&](Transaction& tx, std::int64_t now) {
                return open_package(tx, request, config_, now);
            });
        if (op == "add")
            return idempotent_write(*store_, request, [&](Transaction& tx, std::int64_t now) {
                return add_member(tx, request, config_, now);
            });
        if (op == "remove")
            return idempotent_write(*store_, request, [&](Transaction& tx, std::int64_t now) {
                return remove_member(tx, request, now);
            });
        if (op == "change")
            return idempotent_write(*store_, request, [&](Transaction& tx, std::int64_t now) {
                return change_member(tx, request, config_, now);
            });
        if (op == "cancel")
            return idempotent_write(*store_, request, [&](Transaction& tx, std::int64_t now) {
                return cancel_package(tx, request, now);
            });
        return ServiceResult::error("unknown_operation");
    }

  private:
    FamilyConfig config_;
    Store* store_ = nullptr;
};

}  // namespace ehall::family

EHALL_DEFINE_PLUGIN(ehall::family::FamilyPlugin, "family")
