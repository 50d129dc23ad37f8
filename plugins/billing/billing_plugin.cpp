// The billing plugin module: balance, bills and history of the customer's account.
#include "gateway/plugin_api.hpp"
#include "plugins/billing/account_reads.hpp"
#include "plugins/billing/billing_manifest.hpp"

namespace ehall::billing {

class BillingPlugin : public SyncPlugin {
  public:
    Manifest manifest() const override { return billing_manifest(); }

    void start(PluginContext& context) override {
        if (!context.config().empty()) {
            throw std::invalid_argument("unknown key '" + context.config().begin().key() + "'");
        }
        store_ = &context.store();
    }

    ServiceResult run(const ServiceRequest& request) override {
        if (request.operation == "balance")
            return read_balance(*store_, request.customer);
        if (request.operation == "bill")
            return read_bills(*store_, request.customer);
        if (request.operation == "history")
            return read_history(*store_, request.customer);
        return ServiceResult::error("unknown_operation");
    }

  private:
    Store* store_ = nullptr;
};

}  // namespace ehall::billing

EHALL_DEFINE_PLUGIN(ehall::billing::BillingPlugin, "billing")
