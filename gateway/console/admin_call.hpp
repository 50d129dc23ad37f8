// The ops console's one way into the gateway: an in-process call of an /admin/v1 route, the
// same handler the CLI and curl reach over HTTP, acting as the signed-in ops account. The
// console thus adds no second path into the store.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "gateway/http/router.hpp"

namespace ehall {

struct AdminRouteReply {
    http::status status = http::status::internal_server_error;
    nlohmann::json body;  // the route's JSON reply; discarded when it was not JSON
    bool ok() const { return status == http::status::ok || status == http::status::created; }
};

using AdminRouteDone = std::function<void(AdminRouteReply)>;

// Calls `method target` (path and query) with `body` (none when null) as `actor`. `done` runs
// exactly once, on whatever thread the route replies from.
void call_admin_api(const Router& router, http::verb method, const std::string& target,
                    const nlohmann::json& body, const std::string& actor, AdminRouteDone done);

}  // namespace ehall
