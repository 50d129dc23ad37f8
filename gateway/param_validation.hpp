// Checks a request's parameters against the operation's manifest before any plugin sees
// them, so every plugin can trust its input. Numbers sent as digit strings (HTML forms,
// SMS arguments) are normalised to integers.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "gateway/plugin_api.hpp"

namespace ehall {

// Returns a message naming the offending parameter, or nothing when `params` is valid.
std::optional<std::string> validate_params(const OperationSpec& operation, nlohmann::json& params);

bool is_mobile_number(std::string_view text);

}  // namespace ehall
