#include "gateway/admin/admin_api.hpp"

#include <ehall/clock.hpp>
#include "gateway/admin/terminal_list.hpp"
#include "gateway/base/random_token.hpp"
#include "gateway/http/credentials.hpp"
#include "gateway/http/json_body.hpp"
#include "gateway/identity/admin_auth.hpp"
#include "gateway/store/ops_audit.hpp"

namespace ehall {

void AdminApi::add_routes(Router& router) {
    auto guarded = [this](auto work) {
        return admin_route(config_, workers_,
                           [this, work](const Exchange& e, const std::string& actor) {
                               return work(this, e, actor);
                           });
    };
    router.add(http::verb::get, "/admin/v1/plugins",
               guarded([](AdminApi* self, const Exchange&, const std::string&) {
                   return self->list_plugins();
               }));
    router.add(http::verb::post, "/admin/v1/plugins/{id}/enable",
               guarded([](AdminApi* self, const Exchange& e, const std::string& actor) {
                   return self->set_plugin(e, true, actor);
               }));
    router.add(http::verb::post, "/admin/v1/plugins/{id}/disable",
               guarded([](AdminApi* self, const Exchange& e, const std::string& actor) {
                   return self->set_plugin(e, false, actor);
               }));
    router.add(http::verb::get, "/admin/v1/audit",
               guarded([](AdminApi* self, const Exchange& e, const std::string&) {
                   return self->audit(e);
               }));
    router.add(http::verb::get, "/admin/v1/terminals",
               guarded([](AdminApi* self, const Exchange&, const std::string&) {
                   return self->terminals();
               }));
    router.add(http::verb::get, "/admin/v1/accounts",
               guarded([](AdminApi* self, const Exchange&, const std::string&) {
                   return json_response(http::status::ok, {{"accounts", self->accounts_.list()}});
               }));
    router.add(http::verb::post, "/admin/v1/accounts",
               guarded([](AdminApi* self, const Exchange& e, const std::string& actor) {
                   return self->create_account(e, actor);
               }));
}

HttpResponse AdminApi::list_plugins() {
    nlohmann::json plugins = nlohmann::json::array();
    for (const auto& id : host_.ids()) {
        const Manifest& manifest = host_.find(id)->manifest();
        nlohmann::json operations = nlohmann::json::array();
        for (const auto& op : manifest.operations) {
            operations.push_back({{"name", op.name},
                                  {"title", op.title},
                                  {"business", op.business},
                                  {"needs_customer", op.needs_customer},
                                  {"needs_confirmation", op.asks_confirmation()},
                                  {"charges_customer", op.charges_customer},
                                  {"sms_keywords", op.sms_keywords}});
        }
        nlohmann::json admin_operations = nlohmann::json::array();
        for (const auto& op : manifest.admin_operations) {
            nlohmann::json params = nlohmann::json::array();
            for (const auto& param : op.params)
                params.push_back({{"name", param.name}, {"label", param.label}});
            admin_operations.push_back({{"name", op.name},
                                        {"title", op.title},
                                        {"params", params},
                                        {"path", "/admin/v1/plugins/" + id + "/ops/" + op.name}});
        }
        plugins.push_back({{"id", id},
                           {"name", manifest.name},
                           {"version", manifest.version},
                           {"depends_on", manifest.depends_on},
                           {"channels", enablement_.channels(id)},
                           {"operations", operations},
                           {"admin_operations", admin_operations}});
    }
    nlohmann::json refused = nlohmann::json::array();
    for (const auto& [id, reason] : host_.refused())
        refused.push_back({{"id", id}, {"reason", reason}});
    return json_response(http::status::ok, {{"plugins", plugins}, {"refused", refused}});
}

HttpResponse AdminApi::set_plugin(const Exchange& exchange, bool enabled,
                                  const std::string& actor) {
    std::string id = exchange.path_param("id");
    if (!host_.find(id))
        return admin_error(http::status::not_found, "not_found", "no such plugin");
    auto body = json_object_body(exchange);
    if (!body)
        return admin_error(http::status::bad_request, "bad_request", "body must be a JSON object");
    const nlohmann::json* channels_json = json_member(*body, "channels");
    if (!channels_json || !channels_json->is_array() || channels_json->empty()) {
        return admin_error(http::status::bad_request, "bad_request",
                           "expected {\"channels\": [\"web\", \"sms\", \"kiosk\"]}");
    }
    std::vector<std::string> channels;
    for (const auto& channel : *channels_json) {
        if (!channel.is_string() || !is_known_channel(channel.get<std::string>())) {
            return admin_error(http::status::bad_request, "bad_request",
                               "unknown channel " + channel.dump() + "; use web, sms or kiosk");
        }
        channels.push_back(channel.get<std::string>());
    }
    auto after = enablement_.set(id, channels, enabled, actor);
    return json_response(http::status::ok,
                         {{"status", "ok"}, {"code", "ok"}, {"plugin", id}, {"channels", after}});
}

HttpResponse AdminApi::audit(const Exchange& exchange) {
    std::size_t limit = 100;
    std::string limit_text = exchange.query_param("limit");
    if (!limit_text.empty()) {
        try {
            limit = std::clamp<std::size_t>(std::stoul(limit_text), 1, 1000);
        } catch (const std::exception&) {
            return admin_error(http::status::bad_request, "bad_request", "limit must be a number");
        }
    }
    return json_response(http::status::ok,
                         {{"entries", list_audit(store_, limit, exchange.query_param("actor"),
                                                 exchange.query_param("target"))}});
}

HttpResponse AdminApi::terminals() {
    return json_response(http::status::ok, {{"terminals", list_terminals(store_, now_ms())}});
}

HttpResponse AdminApi::create_account(const Exchange& exchange, const std::string& actor) {
    auto body = json_object_body(exchange);
    const std::string* name = body ? json_string_member(*body, "name") : nullptr;
    const std::string* password = body ? json_string_member(*body, "password") : nullptr;
    if (!name || !password) {
        return admin_error(http::status::bad_request, "bad_request",
                           "expected {\"name\", \"password\"}");
    }
    const std::string code = accounts_.create(*name, *password, actor);
    if (code == "bad_request") {
        return admin_error(http::status::bad_request, code,
                           "name: 2-32 of [a-z0-9._-]; password: at least 10 characters");
    }
    if (code == "already_exists")
        return admin_error(http::status::conflict, code, "account name already taken");
    return json_response(http::status::created,
                         {{"status", "ok"}, {"code", "ok"}, {"account", *name}});
}

}  // namespace ehall
