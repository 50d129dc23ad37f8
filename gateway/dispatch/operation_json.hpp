// How a channel's JSON API describes an enabled operation to its clients (web, kiosk):
// names, title, business, whether it needs a customer, its parameters, and the path to
// call it under `path_prefix` ("/api/v1/services/").
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "gateway/dispatch/dispatcher.hpp"

namespace ehall {

nlohmann::json operation_json(const AvailableOperation& available, std::string_view path_prefix);

}  // namespace ehall
