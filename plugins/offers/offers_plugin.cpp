// The recommended-offers module: list, view, accept, dismiss, the placements' internal
// impression, and the 12593 long-distance subscription. Asynchronous: accepting an offer and
// checking whether a product is held go through the gateway's dispatch to other plugins.
#include <ehall/clock.hpp>
#include <ehall/idempotency.hpp>
#include <ehall/plugin.hpp>
#include "catalog_admin.hpp"
#include "demo_catalog.hpp"
#include "ld_subscription.hpp"
#include "offer_push.hpp"
#include "offer_responses.hpp"
#include "offers_manifest.hpp"
#include "offers_report.hpp"

namespace ehall::offers {

class OffersPlugin : public Plugin {
  public:
    Manifest manifest() const override { return offers_manifest(); }

    void start(PluginContext& context) override {
        if (!context.config().is_object() || !context.config().empty())
            throw std::invalid_argument("the offers plugin takes no settings");
        context_ = &context;
        if (context.demo_mode() && add_demo_catalog(context.store(), now_ms()) > 0)
            context.log(LogLevel::info, "demo mode: added the demo offers to the catalog");
    }

    void invoke(const ServiceRequest& request, Done done) override {
        const std::string& op = request.operation;
        Store& store = context_->store();
        if (op == "impression")
            return push_offer(*context_, request, std::move(done));
        if (op == "list")
            return list_offers(*context_, request, std::move(done));
        if (op == "accept")
            return accept_offer(*context_, request, std::move(done));
        if (op == "view")
            return done(view_offer(store, request));
        if (op == "dismiss")
            return done(dismiss_offer(store, request));
        if (op == "ld_status")
            return done(ld_status(store, request));
        if (op == "subscribe_ld")
            return done(idempotent_write(store, request, [&](Transaction& tx, std::int64_t now) {
                return subscribe_ld(tx, request, now);
            }));
        done(ServiceResult::error("unknown_operation"));
    }

    void invoke_admin(const ServiceRequest& request, Done done) override {
        done(run_catalog_admin(context_->store(), request));
    }

    ReportResult report(const ReportRequest& request, ReportData& data) override {
        if (request.name != "offers")
            return Plugin::report(request, data);
        return offers_report(request, data);
    }

  private:
    PluginContext* context_ = nullptr;
};

}  // namespace ehall::offers

EHALL_DEFINE_PLUGIN(ehall::offers::OffersPlugin, "offers")
