#include "channels/kiosk/terminal_admin_api.hpp"

#include <ehall/clock.hpp>
#include "gateway/http/json_body.hpp"
#include "gateway/identity/admin_auth.hpp"

namespace ehall {

namespace {

constexpr std::chrono::hours activation_validity{24};

HttpResponse no_such_terminal() {
    return admin_error(http::status::not_found, "not_found", "no such terminal");
}

nlohmann::json ok_with(const KioskTerminal& terminal) {
    return {{"status", "ok"}, {"code", "ok"}, {"terminal", terminal.public_json()}};
}

std::string text_field(const nlohmann::json& body, const char* name) {
    const std::string* value = json_string_member(body, name);
    return value ? *value : std::string{};
}

}  // namespace

void TerminalAdminApi::add_routes(Router& router) {
    auto guarded = [this](auto work) {
        return admin_route(config_, workers_,
                           [this, work](const Exchange& e, const std::string& actor) {
                               return work(*this, e, actor);
                           });
    };
    using T = TerminalAdminApi;
    router.add(http::verb::post, "/admin/v1/terminals",
               guarded([](T& self, const Exchange& e, const std::string& actor) {
                   return self.create(e, actor);
               }));
    router.add(http::verb::post, "/admin/v1/terminals/{id}/rotate",
               guarded([](T& self, const Exchange& e, const std::string& actor) {
                   return self.rotate(e, actor);
               }));
    router.add(http::verb::post, "/admin/v1/terminals/{id}/disable",
               guarded([](T& self, const Exchange& e, const std::string& actor) {
                   return self.set_enabled(e, false, actor);
               }));
    router.add(http::verb::post, "/admin/v1/terminals/{id}/enable",
               guarded([](T& self, const Exchange& e, const std::string& actor) {
                   return self.set_enabled(e, true, actor);
               }));
    router.add(http::verb::post, "/admin/v1/terminals/{id}/activation_code",
               guarded([](T& self, const Exchange& e, const std::string& actor) {
                   return self.activation_code(e, actor);
               }));
    router.add(http::verb::post, "/admin/v1/terminals/{id}/cash-collected",
               guarded([](T& self, const Exchange& e, const std::string& actor) {
                   return self.cash_collected(e, actor);
               }));
}

HttpResponse TerminalAdminApi::create(const Exchange& exchange, const std::string& actor) {
    auto body = json_object_body(exchange);
    if (!body)
        return admin_error(http::status::bad_request, "bad_request", "body must be a JSON object");
    const std::string id = text_field(*body, "id");
    const std::string hall = text_field(*body, "hall");
    const std::string location = text_field(*body, "location");
    if (!valid_terminal_id(id) || !valid_terminal_id(hall) || location.size() > 200) {
        return admin_error(http::status::bad_request, "bad_request",
                           "expected {\"id\", \"hall\": 1-32 of [A-Za-z0-9_-], \"location\": "
                           "up to 200 bytes}");
    }
    auto created = registry_.create(id, hall, location, actor);
    if (!created)
        return admin_error(http::status::conflict, "already_exists", "terminal id already taken");
    auto reply = ok_with(*created);
    reply["key"] = created->key;  // the only time the key leaves the gateway
    return json_response(http::status::created, reply);
}

HttpResponse TerminalAdminApi::rotate(const Exchange& exchange, const std::string& actor) {
    auto rotated = registry_.rotate_key(exchange.path_param("id"), actor);
    if (!rotated)
        return no_such_terminal();
    auto reply = ok_with(*rotated);
    reply["key"] = rotated->key;
    return json_response(http::status::ok, reply);
}

HttpResponse TerminalAdminApi::set_enabled(const Exchange& exchange, bool enabled,
                                           const std::string& actor) {
    auto changed = registry_.set_enabled(exchange.path_param("id"), enabled, actor);
    if (!changed)
        return no_such_terminal();
    return json_response(http::status::ok, ok_with(*changed));
}

HttpResponse TerminalAdminApi::activation_code(const Exchange& exchange, const std::string& actor) {
    const std::string id = exchange.path_param("id");
    auto issued = registry_.issue_activation_code(id, actor, activation_validity);
    if (!issued)
        return no_such_terminal();
    return json_response(http::status::ok, {{"status", "ok"},
                                            {"code", "ok"},
                                            {"terminal_id", id},
                                            {"activation_code", issued->code},
                                            {"expires_at", shanghai_datetime(issued->expires_ms)}});
}

HttpResponse TerminalAdminApi::cash_collected(const Exchange& exchange, const std::string& actor) {
    auto body = json_object_body(exchange);
    const auto& counted = json_field(body, "counted_fen");
    if (!counted.is_number_integer() || counted.get<std::int64_t>() < 0) {
        return admin_error(http::status::bad_request, "bad_request",
                           "expected {\"counted_fen\": the cash found in the box, whole fen}");
    }
    const std::string id = exchange.path_param("id");
    auto collection = registry_.record_cash_collection(id, counted.get<std::int64_t>(), actor);
    if (!collection)
        return no_such_terminal();
    return json_response(http::status::ok,
                         {{"status", "ok"},
                          {"code", "ok"},
                          {"terminal_id", id},
                          {"collected_at", shanghai_datetime(collection->ts_ms)},
                          {"counted_fen", collection->counted_fen},
                          {"expected_fen", collection->expected_fen},
                          {"difference_fen", collection->counted_fen - collection->expected_fen}});
}

}  // namespace ehall
