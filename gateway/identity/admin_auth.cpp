#include "gateway/identity/admin_auth.hpp"

#include "gateway/base/random_token.hpp"
#include "gateway/http/credentials.hpp"
#include "gateway/http/on_workers.hpp"

namespace ehall {

std::optional<std::string> admin_actor(const Config& config, const Exchange& exchange) {
    std::string token = bearer_token(exchange);
    if (token.empty() || config.admin.token.empty() ||
        !constant_time_equal(token, config.admin.token)) {
        return std::nullopt;
    }
    return admin_token_actor(token);
}

std::string admin_token_actor(const std::string& token) {
    return "admin-token:" + sha256_hex(token).substr(0, 8);
}

HttpResponse admin_unauthorized() {
    auto response = json_response(
        http::status::unauthorized,
        {{"status", "error"}, {"code", "unauthenticated"}, {"message", "admin token required"}});
    response.set(http::field::www_authenticate, "Bearer realm=\"ehall-admin\"");
    return response;
}

Handler admin_route(const Config& config, boost::asio::thread_pool& workers, AdminWork work) {
    return [&config, &workers, work = std::move(work)](const Exchange& exchange, Reply reply) {
        auto actor = admin_actor(config, exchange);
        if (!actor)
            return reply(admin_unauthorized());
        reply_from_workers(workers, exchange, std::move(reply),
                           [&work, actor = *actor](const Exchange& e) { return work(e, actor); });
    };
}

HttpResponse admin_error(http::status status, const std::string& code, const std::string& message) {
    return json_response(status, {{"status", "error"}, {"code", code}, {"message", message}});
}

}  // namespace ehall
