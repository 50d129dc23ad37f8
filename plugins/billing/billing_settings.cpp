#include "billing_settings.hpp"

#include <algorithm>
#include <stdexcept>

namespace ehall::billing {

namespace {

[[noreturn]] void refuse(const std::string& key, const std::string& why) {
    throw std::invalid_argument("key '" + key + "': " + why);
}

std::int64_t integer(const nlohmann::json& config, const std::string& key, std::int64_t fallback,
                     std::int64_t min, std::int64_t max) {
    auto it = config.find(key);
    if (it == config.end())
        return fallback;
    if (!it->is_number_integer())
        refuse(key, "expected a whole number");
    const auto value = it->get<std::int64_t>();
    if (value < min || value > max)
        refuse(key, "expected " + std::to_string(min) + " to " + std::to_string(max));
    return value;
}

std::string text(const nlohmann::json& config, const std::string& key) {
    auto it = config.find(key);
    if (it == config.end())
        return {};
    if (!it->is_string())
        refuse(key, "expected a string");
    return it->get<std::string>();
}

}  // namespace

BillingSettings parse_billing_settings(const nlohmann::json& config, bool demo_mode) {
    static const char* const known[] = {"payment_provider", "payment_url",
                                        "payment_ca_file",  "payment_timeout_ms",
                                        "ecoins_per_yuan",  "ecoins_min_amount_fen",
                                        "ecoins_daily_cap", "voucher_attempts_per_day"};
    if (config.is_null())
        return parse_billing_settings(nlohmann::json::object(), demo_mode);
    if (!config.is_object())
        throw std::invalid_argument("expected an object");
    for (const auto& [key, value] : config.items()) {
        if (std::find(std::begin(known), std::end(known), key) == std::end(known))
            throw std::invalid_argument("unknown key '" + key + "'");
    }
    BillingSettings s;
    if (config.contains("payment_provider")) {
        s.payment_provider = text(config, "payment_provider");
        if (s.payment_provider != "sandbox" && s.payment_provider != "http")
            refuse("payment_provider", "expected sandbox or http");
    } else if (demo_mode) {
        s.payment_provider = "sandbox";
    }
    if (s.payment_provider == "sandbox" && !demo_mode)
        refuse("payment_provider", "the sandbox approves without charging: demo mode only");
    s.payment_url = text(config, "payment_url");
    if (s.payment_provider == "http" && s.payment_url.empty())
        refuse("payment_url", "required when payment_provider is http");
    s.payment_ca_file = text(config, "payment_ca_file");
    s.payment_timeout = std::chrono::milliseconds(
        integer(config, "payment_timeout_ms", s.payment_timeout.count(), 10, 120000));
    s.ecoins.per_yuan = integer(config, "ecoins_per_yuan", s.ecoins.per_yuan, 0, 1000);
    s.ecoins.min_amount_fen =
        integer(config, "ecoins_min_amount_fen", s.ecoins.min_amount_fen, 1, 100000000);
    s.ecoins.daily_cap = integer(config, "ecoins_daily_cap", s.ecoins.daily_cap, 0, 1000000);
    s.voucher_attempts_per_day =
        integer(config, "voucher_attempts_per_day", s.voucher_attempts_per_day, 1, 1000);
    return s;
}

}  // namespace ehall::billing
