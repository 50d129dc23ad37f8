// How a card payment is charged to the customer's bound bank card. The plugin calls the
// provider outside any store transaction and hands it the payment's idempotency key, so an
// acquirer that sees a retried charge (after a timeout, a crash before our commit) answers
// with the first outcome instead of charging twice.
#pragma once

#include <cstdint>
#include <string>

namespace ehall::billing {

struct ChargeRequest {
    std::string msisdn{};
    std::int64_t amount_fen = 0;
    std::string idempotency_key{};  // unique per payment: "<owner>:<key>"
    std::string card{};             // the masked bound card, as the store holds it
};

struct ChargeOutcome {
    bool approved = false;
    std::string reference{};   // the acquirer's reference, when approved
    std::string reason{};      // why not, in words for people, when not approved
    bool unavailable = false;  // the acquirer was unreachable or answered nonsense: ops look

    static ChargeOutcome approve(std::string reference) {
        return {.approved = true, .reference = std::move(reference)};
    }
    static ChargeOutcome decline(std::string reason) { return {.reason = std::move(reason)}; }
    static ChargeOutcome fail(std::string reason) {
        return {.reason = std::move(reason), .unavailable = true};
    }
};

class PaymentProvider {
  public:
    virtual ~PaymentProvider() = default;
    // Blocks until the charge is approved, declined or has failed; declines, timeouts and
    // unreachable acquirers are outcomes, not exceptions. Called from many threads at once.
    virtual ChargeOutcome charge(const ChargeRequest& request) = 0;
};

}  // namespace ehall::billing
