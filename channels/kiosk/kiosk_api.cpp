#include "channels/kiosk/kiosk_api.hpp"

#include <spdlog/spdlog.h>
#include <boost/asio/post.hpp>

#include <ehall/clock.hpp>
#include "channels/kiosk/device_status.hpp"
#include "gateway/base/result_codes.hpp"
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

KioskCall call_of(const Exchange& exchange, const KioskTerminal& terminal) {
    return {.terminal = terminal,
            .request_id = exchange.request_id,
            .started = exchange.started,
            .caller = KioskCaller::terminal};
}

// The body's "msisdn", empty when there is none.
std::string msisdn_of(const Exchange& exchange) {
    auto body = json_object_body(exchange);
    const std::string* msisdn = body ? json_string_member(*body, "msisdn") : nullptr;
    return msisdn ? *msisdn : std::string{};
}

// Answers the API's request with the result of an asynchronous kiosk call.
KioskDone replying(Reply& reply) {
    return [reply = std::move(reply)](KioskResult result) { reply(kiosk_response(result)); };
}

}  // namespace

HttpResponse kiosk_response(const KioskResult& result) {
    if (!result.receipt)
        return result_response(result.result);
    auto body = result_json(result.result);
    body["receipt"] = *result.receipt;
    return json_response(http_status_for(result.result.code), body);
}

void KioskApi::add_routes(Router& router) {
    using K = KioskApi;
    using C = KioskCall;
    auto sync = [](HttpResponse (K::*handler)(const Exchange&, const C&)) -> Work {
        return [handler](K& self, const Exchange& e, const C& call, Reply& reply) {
            reply((self.*handler)(e, call));
        };
    };
    router.add(http::verb::post, "/kiosk/v1/heartbeat",
               signed_route("kiosk", "heartbeat", sync(&K::heartbeat)));
    router.add(http::verb::post, "/kiosk/v1/identify",
               signed_route("session", "login",
                            [](K& self, const Exchange& e, const C& call, Reply& reply) {
                                self.service_.identify(call, json_object_body(e), replying(reply));
                            }));
    router.add(http::verb::post, "/kiosk/v1/end_session",
               signed_route("session", "logout", sync(&K::end_session)));
    router.add(http::verb::post, "/kiosk/v1/lookup",
               signed_route("kiosk", "lookup",
                            [](K& self, const Exchange& e, const C& call, Reply& reply) {
                                reply(result_response(self.service_.lookup(call, msisdn_of(e))));
                            }));
    router.add(http::verb::post, "/kiosk/v1/receipts/{no}/reprint",
               signed_route(
                   "kiosk", "reprint", [](K& self, const Exchange& e, const C& call, Reply& reply) {
                       reply(kiosk_response(self.service_.reprint(call, e.path_param("no"))));
                   }));
    router.add(
        http::verb::get, "/kiosk/v1/services",
        signed_route("kiosk", "services", [](K& self, const Exchange&, const C&, Reply& reply) {
            reply(result_response(self.service_.services()));
        }));
    router.add(http::verb::post, "/kiosk/v1/services/{plugin}/{operation}",
               signed_route("", "", [](K& self, const Exchange& e, const C& call, Reply& reply) {
                   auto body = json_object_body(e);
                   KioskCallFields fields = take_kiosk_fields(
                       body ? std::move(*body) : nlohmann::json(), e.header("Idempotency-Key"));
                   self.service_.invoke(call, e.path_param("plugin"), e.path_param("operation"),
                                        std::move(fields), replying(reply));
               }));
    router.add(
        http::verb::post, "/kiosk/v1/cash/intakes",
        signed_route("kiosk", "cash_intake",
                     [](K& self, const Exchange& e, const C& call, Reply& reply) {
                         reply(result_response(self.service_.open_intake(call, msisdn_of(e))));
                     }));
    router.add(
        http::verb::get, "/kiosk/v1/cash/intakes/{id}",
        signed_route(
            "kiosk", "cash_intake", [](K& self, const Exchange& e, const C& call, Reply& reply) {
                reply(result_response(self.service_.show_intake(call, e.path_param("id"))));
            }));
    // A refused signature is journaled under the operation cash pays (the plugins are loaded
    // before the routes are added).
    const auto cash = cash_payment_operation(service_.dispatcher());
    router.add(http::verb::post, "/kiosk/v1/cash/intakes/{id}/pay",
               signed_route(cash ? cash->plugin->id : "kiosk",
                            cash ? cash->operation->name : "cash_intake",
                            [](K& self, const Exchange& e, const C& call, Reply& reply) {
                                self.service_.pay_intake(call, e.path_param("id"), replying(reply));
                            }));
    router.add(http::verb::post, "/kiosk/v1/cash/notes",
               signed_route("kiosk", "cash_note", sync(&K::report_note)));
}

Handler KioskApi::signed_route(std::string plugin, std::string operation, Work work) {
    return [this, plugin, operation, work](const Exchange& exchange, Reply reply) {
        boost::asio::post(
            service_.dispatcher().workers(), [this, held = hold(exchange), plugin, operation, work,
                                              reply = std::move(reply)]() mutable {
                const Exchange& exchange = *held;
                try {
                    KioskVerdict verdict = signatures_.verify(signed_request(exchange), now_ms());
                    if (!verdict.accepted())
                        return refuse_unsigned(exchange, verdict, plugin, operation, reply);
                    work(*this, exchange, call_of(exchange, *verdict.terminal), reply);
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
    ServiceRequest request =
        plugin.empty() ? kiosk_request(exchange.request_id, terminal, exchange.path_param("plugin"),
                                       exchange.path_param("operation"))
                       : kiosk_request(exchange.request_id, terminal, plugin, operation);
    ServiceResult refused = ServiceResult::error("unauthenticated", verdict.problem);
    service_.journal(request, refused, exchange.started);
    reply(result_response(refused));
}

HttpResponse KioskApi::heartbeat(const Exchange& exchange, const KioskCall& call) {
    auto body = json_object_body(exchange);
    auto problem = body ? device_status_problem(*body) : "the body must be a JSON object";
    if (problem) {
        // Only refused heartbeats are journaled: a healthy one is telemetry, not business.
        return result_response(service_.refuse(call, "kiosk", "heartbeat",
                                               ServiceResult::error("bad_request", *problem)));
    }
    return result_response(service_.heartbeat(call, *body));
}

HttpResponse KioskApi::end_session(const Exchange& exchange, const KioskCall& call) {
    auto body = json_object_body(exchange);
    const std::string* token = body ? json_string_member(*body, "customer_token") : nullptr;
    if (!token) {
        return result_response(service_.refuse(
            call, "session", "logout",
            ServiceResult::error("bad_request", "expected {\"customer_token\": \"...\"}")));
    }
    return result_response(service_.end_session(call, *token));
}

HttpResponse KioskApi::report_note(const Exchange& exchange, const KioskCall& call) {
    auto body = json_object_body(exchange);
    auto note_id = kiosk_number(json_field(body, "note_id"));
    const auto& amount = json_field(body, "amount_fen");
    if (!note_id || !amount.is_number_integer() || !is_note_value(amount.get<std::int64_t>())) {
        return result_response(service_.refuse(
            call, "kiosk", "cash_note",
            ServiceResult::error(
                "bad_request",
                "expected {\"note_id\": the terminal's number for the note (1-64 printable "
                "characters), \"amount_fen\": 100, 500, 1000, 2000, 5000 or 10000}")));
    }
    return result_response(service_.report_note(call, *note_id, amount.get<std::int64_t>()));
}

}  // namespace ehall
