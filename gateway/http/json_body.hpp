#pragma once

#include <optional>

#include "gateway/http/exchange.hpp"

namespace ehall {

// The request body as a JSON object; nothing when it is not one. An empty body is an
// empty object.
std::optional<nlohmann::json> json_object_body(const Exchange& exchange);

// Whether `key` is fit to be an idempotency key: 8 to 128 printable ASCII characters.
bool usable_idempotency_key(std::string_view key);

}  // namespace ehall
