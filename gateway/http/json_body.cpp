#include "gateway/http/json_body.hpp"

#include <algorithm>

namespace ehall {

std::optional<nlohmann::json> json_object_body(const Exchange& exchange) {
    const std::string& body = exchange.request.body();
    if (std::all_of(body.begin(), body.end(),
                    [](char c) { return std::isspace(static_cast<unsigned char>(c)); })) {
        return nlohmann::json::object();
    }
    auto value = nlohmann::json::parse(body, nullptr, false);
    if (value.is_discarded() || !value.is_object())
        return std::nullopt;
    return value;
}

bool usable_idempotency_key(std::string_view key) {
    return key.size() >= 8 && key.size() <= 128 &&
           std::all_of(key.begin(), key.end(), [](char c) { return c > 0x20 && c < 0x7f; });
}

}  // namespace ehall
