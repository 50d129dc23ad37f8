// A card payment through the billing plugin and the demo customer's balance: what the
// payment provider tests (http and https acquirers) do and check.
#pragma once

#include <cstdint>
#include <string>

#include "tests/plugin_tests/plugin_harness.hpp"

namespace ehall::test {

inline ServiceResult pay_by_card(PluginHarness& billing, std::int64_t amount_fen,
                                 const std::string& idempotency_key) {
    return billing.call({.operation = "pay",
                         .params = {{"amount_fen", amount_fen}, {"method", "card"}},
                         .idempotency_key = idempotency_key});
}

inline std::int64_t demo_balance(PluginHarness& billing) {
    return billing.scalar("SELECT balance_fen AS value FROM accounts WHERE msisdn = '13800138000'");
}

}  // namespace ehall::test
