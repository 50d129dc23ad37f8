// Kannel retries an MO whose HTTP request failed, with the same message id: the first
// reply is kept per (sender, id) so a retry gets it again and never runs the command twice.
// A message is claimed by inserting a 'processing' row in a write transaction before
// anything runs, so a concurrent duplicate (on any instance) finds the claim and waits for
// the reply instead of running.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include <ehall/store.hpp>

namespace ehall::sms {

class MoLedger {
  public:
    // A claim older than `stale_after` belongs to an instance that died mid-way; it is
    // taken over (the plugins' idempotency keys keep a re-run from changing anything
    // twice). Answered rows are kept for `retention`.
    explicit MoLedger(Store& store, std::chrono::milliseconds stale_after = std::chrono::minutes(2),
                      std::chrono::milliseconds retention = std::chrono::hours(48))
        : store_(store), stale_after_(stale_after), retention_(retention) {}

    enum class Claim { fresh, answered, in_progress };
    struct Outcome {
        Claim claim = Claim::fresh;
        std::string reply;  // when answered
    };

    // Claims message `id` from `msisdn` for this caller, or says who has it.
    Outcome claim(const std::string& msisdn, const std::string& id, std::int64_t now_ms);
    // Stores the reply of a claimed message.
    void answer(const std::string& msisdn, const std::string& id, const std::string& reply,
                std::int64_t now_ms);
    // The reply once answered; nothing while it is still being processed.
    std::optional<std::string> reply(const std::string& msisdn, const std::string& id);

  private:
    Store& store_;
    std::chrono::milliseconds stale_after_;
    std::chrono::milliseconds retention_;
    std::atomic<std::int64_t> claims_{0};
};

}  // namespace ehall::sms
