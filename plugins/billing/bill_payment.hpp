// The `pay` operation (DESIGN §6b, §8): a bill payment from the customer's bound bank card
// (any channel), or in cash reported by a kiosk for any number. The amount goes to the
// balance, due bills the balance now covers in full are settled, and the payment earns
// e-coins by the amount (ecoin_award.hpp): every channel the gateway serves is an
// electronic one.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include <ehall/plugin.hpp>
#include "ecoin_award.hpp"
#include "payment_provider.hpp"

namespace ehall::billing {

class BillPayment {
  public:
    using Warn = std::function<void(const std::string&)>;

    // `provider` may be null (no acquirer configured): card payments then fail.
    BillPayment(Store& store, PaymentProvider* provider, EcoinRules ecoins, Warn warn);

    ServiceResult run(const ServiceRequest& request);

  private:
    ServiceResult pay_by_card(const ServiceRequest& request);
    ServiceResult pay_in_cash(const ServiceRequest& request);
    // One write: the payment row, the credit and settlements, the e-coins and the recorded
    // result, unless a concurrent retry with the same key got there first.
    ServiceResult commit(const ServiceRequest& request, const std::string& method,
                         const std::string& acquirer_reference);

    Store& store_;
    PaymentProvider* provider_;
    EcoinRules ecoins_;
    Warn warn_;
};

}  // namespace ehall::billing
