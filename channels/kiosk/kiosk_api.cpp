#include "channels/kiosk/kiosk_api.hpp"

#include <spdlog/spdlog.h>
#include <boost/asio/post.hpp>

#include <ehall/clock.hpp>
#include "channels/kiosk/cash_payee.hpp"
#include "channels/kiosk/device_status.hpp"
#include "gateway/dispatch/param_validation.hpp"
#include "gateway/http/json_body.hpp"
#include "gateway/http/result_response.hpp"

namespace ehall {

namespace {

KioskSignedRequest signed_request(const Exchange& exchange) {
    return {.terminal_id = exchange.header("X-Terminal-Id"),
            .timestamp = exchange.header("X-Timestamp"),
            .nonce = exchange.header("X-Nonce"),
            .signature = exchange.header("X-Signature"),
            .method = std::string(exchange.request.method_string()),
            .path = std::string(exchange.path()),
            .body = exchange.request.body()};
}

}  // namespace

ServiceRequest kiosk_request(const Exchange& exchange, const KioskTerminal* terminal,
                             std::string plugin, std::string operation) {
    ServiceRequest request;
    request.channel = "kiosk";
    request.plugin = std::move(plugin);
    request.operation = std::move(operation);
    request.request_id = exchange.request_id;
    if (terminal) {
        request.terminal_id = terminal->id;
        request.subchannel = terminal->hall;
    }
    return request;
}

void KioskApi::add_routes(Router& router) {
    using K = KioskApi;
    auto sync = [](HttpResponse (K::*handler)(const Exchange&, const KioskTerminal&)) -> Work {
        return [handler](K& self, const Exchange& e, const KioskTerminal& t, Reply& reply) {
            reply((self.*handler)(e, t));
        };
    };
    router.add(http::verb::post, "/kiosk/v1/heartbeat",
               signed_route("kiosk", "heartbeat", sync(&K::heartbeat)));
    router.add(http::verb::post, "/kiosk/v1/identify",
               signed_route("session", "login",
                            [](K& self, const Exchange& e, const KioskTerminal& t, Reply& reply) {
                                self.identify(e, t, reply);
                            }));
    router.add(http::verb::post, "/kiosk/v1/end_session",
               signed_route("session", "logout", sync(&K::end_session)));
    router.add(http::verb::post, "/kiosk/v1/lookup",
               signed_route("kiosk", "lookup", sync(&K::lookup)));
    router.add(http::verb::post, "/kiosk/v1/receipts/{no}/reprint",
               signed_route("kiosk", "reprint", sync(&K::reprint)));
    router.add(http::verb::get, "/kiosk/v1/services",
               signed_route("kiosk", "services",
                            [](K& self, const Exchange&, const KioskTerminal&, Reply& reply) {
                                reply(self.services());
                            }));
    router.add(
        http::verb::post, "/kiosk/v1/services/{plugin}/{operation}",
        signed_route("", "", [](K& self, const Exchange& e, const KioskTerminal& t, Reply& reply) {
            self.invoke(e, t, reply);
        }));
    router.add(http::verb::post, "/kiosk/v1/cash/intakes",
               signed_route("kiosk", "cash_intake", sync(&K::open_intake)));
    router.add(http::verb::get, "/kiosk/v1/cash/intakes/{id}",
               signed_route("kiosk", "cash_intake", sync(&K::show_intake)));
    // A refused signature is journaled under the operation cash pays (the plugins are loaded
    // before the routes are added).
    const auto cash = cash_payment_operation(dispatcher_);
    router.add(http::verb::post, "/kiosk/v1/cash/intakes/{id}/pay",
               signed_route(cash ? cash->plugin->id : "kiosk",
                            cash ? cash->operation->name : "cash_intake",
                            [](K& self, const Exchange& e, const KioskTerminal& t, Reply& reply) {
                                self.pay_intake(e, t, reply);
                            }));
    router.add(http::verb::post, "/kiosk/v1/cash/notes",
               signed_route("kiosk", "cash_note", sync(&K::report_note)));
}

Handler KioskApi::signed_route(std::string plugin, std::string operation, Work work) {
    return [this, plugin, operation, work](const Exchange& exchange, Reply reply) {
        boost::asio::post(dispatcher_.workers(), [this, &exchange, plugin, operation, work,
                                                  reply = std::move(reply)]() mutable {
            try {
                KioskVerdict verdict = signatures_.verify(signed_request(exchange), now_ms());
                if (!verdict.accepted())
                    return refuse_unsigned(exchange, verdict, plugin, operation, reply);
                work(*this, exchange, *verdict.terminal, reply);
            } catch (const std::exception& e) {
                spdlog::error("kiosk request failed: {}", e.what());
                if (reply)  // still ours: the work failed before handing it on
                    reply(result_response(ServiceResult::error("internal_error")));
            }
        });
    };
}

void KioskApi::refuse_unsigned(const Exchange& exchange, const KioskVerdict& verdict,
                               const std::string& plugin, const std::string& operation,
                               const Reply& reply) {
    const KioskTerminal* terminal = verdict.terminal ? &*verdict.terminal : nullptr;
    ServiceRequest request = plugin.empty()
                                 ? kiosk_request(exchange, terminal, exchange.path_param("plugin"),
                                                 exchange.path_param("operation"))
                                 : kiosk_request(exchange, terminal, plugin, operation);
    ServiceResult refused = ServiceResult::error("unauthenticated", verdict.problem);
    journal(exchange, request, refused);
    reply(result_response(refused));
}

void KioskApi::journal(const Exchange& exchange, const ServiceRequest& request,
                       const ServiceResult& result) {
    dispatcher_.report(request, result, exchange.started);
}

HttpResponse KioskApi::heartbeat(const Exchange& exchange, const KioskTerminal& terminal) {
    auto body = json_object_body(exchange);
    auto problem = body ? device_status_problem(*body) : "the body must be a JSON object";
    if (problem) {
        // Only refused heartbeats are journaled: a healthy one is telemetry, not business.
        ServiceResult refused = ServiceResult::error("bad_request", *problem);
        journal(exchange, kiosk_request(exchange, &terminal, "kiosk", "heartbeat"), refused);
        return result_response(refused);
    }
    const std::int64_t now = now_ms();
    registry_.record_heartbeat(terminal.id, *body, now);
    if (body->contains("cash_box_fen")) {
        CashBoxFigures figures;
        store_.read([&](Transaction& tx) { figures = cash_box_figures(tx, terminal.id, *body); });
        cash_box_watch_.heard(terminal.id, figures);
    }
    return result_response(
        ServiceResult::ok({{"terminal_id", terminal.id}, {"server_time", now / 1000}}));
}

std::string KioskApi::msisdn_of(const Exchange& exchange) {
    auto body = json_object_body(exchange);
    const std::string* msisdn = body ? json_string_member(*body, "msisdn") : nullptr;
    return msisdn ? *msisdn : std::string{};
}

HttpResponse KioskApi::lookup(const Exchange& exchange, const KioskTerminal& terminal) {
    ServiceRequest request = kiosk_request(exchange, &terminal, "kiosk", "lookup");
    const std::string msisdn = msisdn_of(exchange);
    ServiceResult result;
    if (!is_mobile_number(msisdn)) {
        result = ServiceResult::error("bad_request", "expected {\"msisdn\": 11 digits}");
    } else {
        request.customer = msisdn;
        std::optional<nlohmann::json> payee;
        store_.read([&](Transaction& tx) { payee = cash_payee(tx, msisdn); });
        result = payee ? ServiceResult::ok(std::move(*payee))
                       : ServiceResult::error("not_found", "no account for this number");
    }
    journal(exchange, request, result);
    return result_response(result);
}

HttpResponse KioskApi::reprint(const Exchange& exchange, const KioskTerminal& terminal) {
    auto receipt = receipts_.find(exchange.path_param("no"), terminal.id);
    // Another terminal's receipt is as unknown as a made-up number.
    ServiceResult result = receipt ? ServiceResult::ok({{"reprinted", true}})
                                   : ServiceResult::error("not_found", "no such receipt");
    journal(exchange, kiosk_request(exchange, &terminal, "kiosk", "reprint"), result);
    auto body = result_json(result);
    if (receipt)
        body["receipt"] = *receipt;
    return json_response(receipt ? http::status::ok : http::status::not_found, body);
}

}  // namespace ehall
