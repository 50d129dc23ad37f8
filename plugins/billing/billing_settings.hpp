// The billing plugin's config section (`plugins.config.billing`), checked once at start.
#pragma once

#include <chrono>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "ecoin_award.hpp"

namespace ehall::billing {

struct BillingSettings {
    // "sandbox", "http", or empty: no acquirer, card payments answer payment_failed.
    std::string payment_provider{};
    std::string payment_url{};
    std::string payment_ca_file{};  // https: trust only these CAs (PEM); empty: the system's
    std::chrono::milliseconds payment_timeout{5000};
    EcoinRules ecoins{};
    std::int64_t voucher_attempts_per_day = 5;
};

// Throws std::invalid_argument naming the key for unknown keys and bad values. The sandbox
// acquirer is the default in demo mode and refused outside it (it approves without charging).
BillingSettings parse_billing_settings(const nlohmann::json& config, bool demo_mode);

}  // namespace ehall::billing
