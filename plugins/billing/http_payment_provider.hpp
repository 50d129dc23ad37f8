// A card acquirer reached over HTTP or HTTPS: POST {"msisdn","amount_fen","idempotency_key",
// "card"} as JSON to the configured URL (the key is also sent as the Idempotency-Key
// header), and expect 200 {"approved":true,"reference":"..."}. Anything else is a failed
// payment: a decline, another status, an unreadable body, no connection, a certificate that
// does not verify, or no whole answer within the timeout (connect, TLS handshake, send and
// read together). HTTPS verifies the acquirer's certificate chain and host name against the
// system's CAs, or only against the CAs in `ca_file` when one is given.
#pragma once

#include <boost/asio/ssl/context.hpp>
#include <chrono>
#include <optional>
#include <string>

#include "payment_provider.hpp"

namespace ehall::billing {

class HttpPaymentProvider : public PaymentProvider {
  public:
    // Throws std::invalid_argument naming the key when `url` is not http(s)://host[:port]/path
    // or `ca_file` (PEM) cannot be read.
    HttpPaymentProvider(const std::string& url, std::chrono::milliseconds timeout,
                        const std::string& ca_file = {});

    ChargeOutcome charge(const ChargeRequest& request) override;

  private:
    std::string host_;
    std::string port_;
    std::string target_;
    std::chrono::milliseconds timeout_;
    std::optional<boost::asio::ssl::context> tls_;  // set for https
};

}  // namespace ehall::billing
