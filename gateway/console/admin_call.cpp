#include "gateway/console/admin_call.hpp"

#include <memory>

namespace ehall {

void call_admin_api(const Router& router, http::verb method, const std::string& target,
                    const nlohmann::json& body, const std::string& actor, AdminRouteDone done) {
    auto exchange = std::make_shared<Exchange>();
    exchange->request.method(method);
    exchange->request.target(target);
    exchange->request.version(11);
    if (!body.is_null()) {
        exchange->request.set(http::field::content_type, "application/json");
        exchange->request.body() = body.dump();
        exchange->request.prepare_payload();
    }
    exchange->console_actor = actor;
    exchange->remote_address = "console";
    auto match = router.match(method, exchange->path(), exchange->path_params);
    if (!match.handler || !target.starts_with("/admin/v1/")) {
        done(
            {http::status::not_found, {{"code", "not_found"}, {"message", "no such admin route"}}});
        return;
    }
    exchange->route = *match.route;
    // The exchange lives until the route has replied.
    (*match.handler)(*exchange, [exchange, done = std::move(done)](HttpResponse response) {
        done({response.result(), nlohmann::json::parse(response.body(), nullptr, false)});
    });
}

}  // namespace ehall
