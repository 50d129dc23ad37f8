// The billing plugin module: balance, bills and history of the customer's account, bill
// payments (bound card, or cash at a kiosk) and voucher top-ups.
#include <memory>
#include <optional>

#include <ehall/plugin.hpp>
#include "account_reads.hpp"
#include "bill_payment.hpp"
#include "billing_manifest.hpp"
#include "billing_settings.hpp"
#include "http_payment_provider.hpp"
#include "sandbox_payment_provider.hpp"
#include "voucher_topup.hpp"

namespace ehall::billing {

class BillingPlugin : public SyncPlugin {
  public:
    Manifest manifest() const override { return billing_manifest(); }

    void start(PluginContext& context) override {
        const BillingSettings settings =
            parse_billing_settings(context.config(), context.demo_mode());
        if (settings.payment_provider == "sandbox") {
            provider_ = std::make_unique<SandboxPaymentProvider>();
            context.log(LogLevel::info, "card payments go to the sandbox acquirer (demo)");
        } else if (settings.payment_provider == "http") {
            provider_ = std::make_unique<HttpPaymentProvider>(
                settings.payment_url, settings.payment_timeout, settings.payment_ca_file);
        } else {
            context.log(LogLevel::warn,
                        "no payment_provider configured: card payments answer payment_failed");
        }
        store_ = &context.store();
        payment_.emplace(
            *store_, provider_.get(), settings.ecoins,
            [&context](const std::string& message) { context.log(LogLevel::warn, message); });
        topup_.emplace(*store_, settings.voucher_attempts_per_day);
    }

    ServiceResult run(const ServiceRequest& request) override {
        if (request.operation == "balance")
            return read_balance(*store_, request.customer);
        if (request.operation == "bill")
            return read_bills(*store_, request.customer);
        if (request.operation == "history")
            return read_history(*store_, request.customer);
        if (request.operation == "pay")
            return payment_->run(request);
        if (request.operation == "topup_voucher")
            return topup_->run(request);
        return ServiceResult::error("unknown_operation");
    }

  private:
    Store* store_ = nullptr;
    std::unique_ptr<PaymentProvider> provider_;
    std::optional<BillPayment> payment_;
    std::optional<VoucherTopUp> topup_;
};

}  // namespace ehall::billing

EHALL_DEFINE_PLUGIN(ehall::billing::BillingPlugin, "billing")
