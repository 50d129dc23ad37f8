// The demo acquirer: approves every charge except 666.00 yuan (66600 fen), which it
// declines, so that tests and demos can exercise a declined card. Stateless: the reference
// is derived from the idempotency key, so a retried charge gets the same reference, as
// from a real acquirer that deduplicates by key.
#pragma once

#include <cstdio>

#include "payment_provider.hpp"

namespace ehall::billing {

class SandboxPaymentProvider : public PaymentProvider {
  public:
    static constexpr std::int64_t declined_amount_fen = 66600;

    ChargeOutcome charge(const ChargeRequest& request) override {
        if (request.amount_fen == declined_amount_fen)
            return ChargeOutcome::decline("card declined by the bank (sandbox)");
        return ChargeOutcome::approve("SBX-" + fnv1a_hex(request.idempotency_key));
    }

  private:
    static std::string fnv1a_hex(const std::string& text) {
        std::uint64_t hash = 14695981039346656037ull;
        for (unsigned char c : text) {
            hash ^= c;
            hash *= 1099511628211ull;
        }
        char out[17];
        std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(hash));
        return out;
    }
};

}  // namespace ehall::billing
