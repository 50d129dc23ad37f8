#include "billing_settings.hpp"

#include <ehall/config_schema.hpp>
#include <stdexcept>

namespace ehall::billing {

namespace {

// Types, ranges and names; what depends on more than one key or on the mode is checked below.
const nlohmann::json kSettingsSchema = nlohmann::json::parse(R"({
  "type": "object",
  "additionalProperties": false,
  "properties": {
    "payment_provider": {"enum": ["sandbox", "http"]},
    "payment_url": {"type": "string"},
    "payment_ca_file": {"type": "string"},
    "payment_timeout_ms": {"type": "integer", "minimum": 10, "maximum": 120000},
    "ecoins_per_yuan": {"type": "integer", "minimum": 0, "maximum": 1000},
    "ecoins_min_amount_fen": {"type": "integer", "minimum": 1, "maximum": 100000000},
    "ecoins_daily_cap": {"type": "integer", "minimum": 0, "maximum": 1000000},
    "voucher_attempts_per_day": {"type": "integer", "minimum": 1, "maximum": 1000}
  }
})");

[[noreturn]] void refuse(const std::string& key, const std::string& why) {
    throw std::invalid_argument("key '" + key + "': " + why);
}

}  // namespace

BillingSettings parse_billing_settings(const nlohmann::json& config, bool demo_mode) {
    check_config(config, kSettingsSchema);
    const nlohmann::json section = config.is_null() ? nlohmann::json::object() : config;
    BillingSettings s;
    if (section.contains("payment_provider"))
        s.payment_provider = section["payment_provider"].get<std::string>();
    else if (demo_mode)
        s.payment_provider = "sandbox";
    if (s.payment_provider == "sandbox" && !demo_mode)
        refuse("payment_provider", "the sandbox approves without charging: demo mode only");
    s.payment_url = section.value("payment_url", "");
    if (s.payment_provider == "http" && s.payment_url.empty())
        refuse("payment_url", "required when payment_provider is http");
    s.payment_ca_file = section.value("payment_ca_file", "");
    s.payment_timeout = std::chrono::milliseconds(
        section.value("payment_timeout_ms", std::int64_t{s.payment_timeout.count()}));
    s.ecoins.per_yuan = section.value("ecoins_per_yuan", s.ecoins.per_yuan);
    s.ecoins.min_amount_fen = section.value("ecoins_min_amount_fen", s.ecoins.min_amount_fen);
    s.ecoins.daily_cap = section.value("ecoins_daily_cap", s.ecoins.daily_cap);
    s.voucher_attempts_per_day =
        section.value("voucher_attempts_per_day", s.voucher_attempts_per_day);
    return s;
}

}  // namespace ehall::billing
