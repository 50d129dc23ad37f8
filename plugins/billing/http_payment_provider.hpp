// A card acquirer reached over HTTP: POST {"msisdn","amount_fen","idempotency_key","card"}
// as JSON to the configured URL (the key is also sent as the Idempotency-Key header), and
// expect 200 {"approved":true,"reference":"..."}. Anything else is a failed payment: a
// decline, another status, an unreadable body, no connection, or no whole answer within
// the timeout (connect, send and read together).
#pragma once

#include <chrono>
#include <string>

#include "plugins/billing/payment_provider.hpp"

namespace ehall::billing {

class HttpPaymentProvider : public PaymentProvider {
  public:
    // Throws std::invalid_argument naming the key when `url` is not http://host[:port]/path.
    HttpPaymentProvider(const std::string& url, std::chrono::milliseconds timeout);

    ChargeOutcome charge(const ChargeRequest& request) override;

  private:
    std::string host_;
    std::string port_;
    std::string target_;
    std::chrono::milliseconds timeout_;
};

}  // namespace ehall::billing
