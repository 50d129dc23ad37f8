#include "gateway/identity/sign_in_gate.hpp"

#include <cassert>

namespace ehall {

SignInGate::SignInGate(const Limits& limits)
    : pool_(limits.threads),
      capacity_(limits.threads + limits.queue),
      failures_per_address_(limits.per_address_per_min) {
    assert(limits.threads > 0);
}

std::optional<SignInGate::Slot> SignInGate::admit(const std::string& address) {
    if (failures_per_address_.reached(address, std::chrono::steady_clock::now()))
        return std::nullopt;
    if (taken_.fetch_add(1) >= capacity_) {
        taken_.fetch_sub(1);
        return std::nullopt;
    }
    return Slot(taken_);
}

void SignInGate::failed(const std::string& address) {
    failures_per_address_.add(address, std::chrono::steady_clock::now());
}

}  // namespace ehall
