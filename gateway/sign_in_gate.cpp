#include "gateway/sign_in_gate.hpp"

#include <cassert>

namespace ehall {

SignInGate::SignInGate(const Limits& limits)
    : pool_(limits.threads),
      capacity_(limits.threads + limits.queue),
      per_address_(limits.per_address_per_min) {
    assert(limits.threads > 0);
}

std::optional<SignInGate::Slot> SignInGate::admit(const std::string& address) {
    if (!per_address_.allow(address, std::chrono::steady_clock::now()))
        return std::nullopt;
    if (taken_.fetch_add(1) >= capacity_) {
        taken_.fetch_sub(1);
        return std::nullopt;
    }
    return Slot(taken_);
}

}  // namespace ehall
