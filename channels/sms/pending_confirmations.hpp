// The SMS two-step confirmation (DESIGN §7): a command that needs confirmation is stored
// as pending for the customer's number, `Y` takes it (removing it in the same
// transaction, so a second `Y` finds nothing) and runs it, `N` drops it. At most one per
// number: a newer one replaces it. Kept in the store, so it survives restarts and any
// instance can take it (DESIGN §9).
#pragma once

#include <chrono>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include <ehall/store.hpp>

namespace ehall::sms {

struct PendingRequest {
    std::string msisdn;
    std::string plugin;
    std::string operation;
    nlohmann::json params = nlohmann::json::object();
    std::int64_t created_ms = 0;
    std::int64_t expires_ms = 0;

    // Derived from the pending row, so however often it is confirmed it acts once.
    std::string idempotency_key() const {
        return "sms:" + msisdn + ":" + std::to_string(created_ms);
    }
};

class PendingConfirmations {
  public:
    PendingConfirmations(Store& store, std::chrono::milliseconds ttl) : store_(store), ttl_(ttl) {}

    // Stores the request as the number's pending one, replacing any other.
    PendingRequest propose(const std::string& msisdn, const std::string& plugin,
                           const std::string& operation, const nlohmann::json& params,
                           std::int64_t now_ms);

    enum class Status { none, expired, taken };
    struct Taken {
        Status status = Status::none;
        std::optional<PendingRequest> request;  // when taken
    };
    // `Y`: removes the pending request and returns it when still valid.
    Taken take(const std::string& msisdn, std::int64_t now_ms);
    // `N`: removes the pending request. `taken` means a valid one was cancelled.
    Status cancel(const std::string& msisdn, std::int64_t now_ms);

    std::chrono::milliseconds ttl() const { return ttl_; }

  private:
    Store& store_;
    std::chrono::milliseconds ttl_;
};

}  // namespace ehall::sms
