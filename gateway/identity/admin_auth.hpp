// The admin API's bearer-token check and route wrapper, shared by every file that
// registers /admin/v1 routes (plugins, audit, accounts, offers, terminals, SMS pushes).
#pragma once

#include <boost/asio/thread_pool.hpp>
#include <functional>
#include <optional>
#include <string>

#include "gateway/config/config.hpp"
#include "gateway/http/exchange.hpp"

namespace ehall {

// The acting admin's audit name ("admin-token:<8 hex of its digest>"), or nothing when the
// token is missing or wrong. The token itself never
// reaches the audit.
std::optional<std::string> admin_actor(const Config& config, const Exchange& exchange);

// The audit name of whoever holds the admin token: "admin-token:<8 hex of its digest>".
std::string admin_token_actor(const std::string& token);

// An /admin/v1 route: 401 without the admin token, else `work`
// with the acting admin's audit name, on the worker pool (admin work reads the store).
using AdminWork = std::function<HttpResponse(const Exchange& exchange, const std::string& actor)>;
Handler admin_route(const Config& config, boost::asio::thread_pool& workers, AdminWork work);

// {"status": "error", "code", "message"} with `status`.
HttpResponse admin_error(http::status status, const std::string& code, const std::string& message);

// 401 with a JSON error body and a WWW-Authenticate challenge.
HttpResponse admin_unauthorized();

}  // namespace ehall
