// The admin API's bearer-token check, shared by every file that registers /admin/v1 routes
// (gateway/admin/admin_api.cpp, channels/kiosk/terminal_admin_api.cpp).
#pragma once

#include <optional>
#include <string>

#include "gateway/config/config.hpp"
#include "gateway/http/exchange.hpp"

namespace ehall {

// The acting admin's audit name ("admin-token:<8 hex of its digest>", or the ops console's
// signed-in account), or nothing when the token is missing or wrong. The token itself never
// reaches the audit.
std::optional<std::string> admin_actor(const Config& config, const Exchange& exchange);

// The audit name of whoever holds the admin token: "admin-token:<8 hex of its digest>".
std::string admin_token_actor(const std::string& token);

// 401 with a JSON error body and a WWW-Authenticate challenge.
HttpResponse admin_unauthorized();

}  // namespace ehall
