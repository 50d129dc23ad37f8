#include "channels/kiosk/terminal_admin_api.hpp"

#include "gateway/http/json_body.hpp"
#include "gateway/identity/admin_auth.hpp"

namespace ehall {

namespace {

// {"status": "ok", "code": "ok", ...the result's data} with `ok_status`, or the admin
// error of the result's code.
HttpResponse terminal_response(const ServiceResult& result,
                               http::status ok_status = http::status::ok) {
    if (!result.is_ok()) {
        const http::status status = result.code == "not_found"        ? http::status::not_found
                                    : result.code == "already_exists" ? http::status::conflict
                                                                      : http::status::bad_request;
        return admin_error(status, result.code, result.message);
    }
    nlohmann::json body = result.data;
    body["status"] = "ok";
    body["code"] = "ok";
    return json_response(ok_status, body);
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
                               return work(terminals_, e, actor);
                           });
    };
    using T = TerminalAdmin;
    router.add(http::verb::post, "/admin/v1/terminals",
               guarded([](T& terminals, const Exchange& e, const std::string& actor) {
                   auto body = json_object_body(e);
                   if (!body) {
                       return admin_error(http::status::bad_request, "bad_request",
                                          "body must be a JSON object");
                   }
                   return terminal_response(
                       terminals.create(text_field(*body, "id"), text_field(*body, "hall"),
                                        text_field(*body, "location"), actor),
                       http::status::created);
               }));
    router.add(http::verb::post, "/admin/v1/terminals/{id}/rotate",
               guarded([](T& terminals, const Exchange& e, const std::string& actor) {
                   return terminal_response(terminals.rotate(e.path_param("id"), actor));
               }));
    router.add(
        http::verb::post, "/admin/v1/terminals/{id}/disable",
        guarded([](T& terminals, const Exchange& e, const std::string& actor) {
            return terminal_response(terminals.set_enabled(e.path_param("id"), false, actor));
        }));
    router.add(http::verb::post, "/admin/v1/terminals/{id}/enable",
               guarded([](T& terminals, const Exchange& e, const std::string& actor) {
                   return terminal_response(terminals.set_enabled(e.path_param("id"), true, actor));
               }));
    router.add(http::verb::post, "/admin/v1/terminals/{id}/activation_code",
               guarded([](T& terminals, const Exchange& e, const std::string& actor) {
                   return terminal_response(terminals.activation_code(e.path_param("id"), actor));
               }));
    router.add(http::verb::post, "/admin/v1/terminals/{id}/cash-collected",
               guarded([](T& terminals, const Exchange& e, const std::string& actor) {
                   auto body = json_object_body(e);
                   const auto& counted = json_field(body, "counted_fen");
                   if (!counted.is_number_integer()) {
                       return admin_error(
                           http::status::bad_request, "bad_request",
                           "expected {\"counted_fen\": the cash found in the box, whole fen}");
                   }
                   return terminal_response(terminals.cash_collected(
                       e.path_param("id"), counted.get<std::int64_t>(), actor));
               }));
}

}  // namespace ehall
