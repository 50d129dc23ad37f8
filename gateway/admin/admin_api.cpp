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
                   return json_response(http::status::ok, self->plugins_.list());
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

HttpResponse AdminApi::set_plugin(const Exchange& exchange, bool enabled,
                                  const std::string& actor) {
    const std::string id = exchange.path_param("id");
    auto body = json_object_body(exchange);
    const nlohmann::json* channels_json = body ? json_member(*body, "channels") : nullptr;
    std::string problem;
    std::vector<std::string> channels;
    if (!body) {
        problem = "body must be a JSON object";
    } else if (!channels_json || !channels_json->is_array() || channels_json->empty()) {
        problem = "expected {\"channels\": [\"web\", \"sms\", \"kiosk\"]}";
    } else {
        for (const auto& channel : *channels_json) {
            if (!channel.is_string()) {
                problem = "unknown channel " + channel.dump() + "; use web, sms or kiosk";
                break;
            }
            channels.push_back(channel.get<std::string>());
        }
    }
    // An unknown plugin is named before a body that does not read.
    if (!problem.empty() && plugins_.knows(id))
        return admin_error(http::status::bad_request, "bad_request", problem);
    ServiceResult result = plugins_.set(id, channels, enabled, actor);
    if (!result.is_ok()) {
        return admin_error(
            result.code == "not_found" ? http::status::not_found : http::status::bad_request,
            result.code, result.message);
    }
    return json_response(
        http::status::ok,
        {{"status", "ok"}, {"code", "ok"}, {"plugin", id}, {"channels", result.data["channels"]}});
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
