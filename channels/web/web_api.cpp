#include "channels/web/web_api.hpp"

#include "gateway/base/random_token.hpp"
#include "gateway/dispatch/operation_json.hpp"
#include "gateway/dispatch/param_validation.hpp"
#include "gateway/http/credentials.hpp"
#include "gateway/http/json_body.hpp"
#include "gateway/http/on_workers.hpp"
#include "gateway/http/result_response.hpp"

namespace ehall {

namespace {

HttpResponse error_response(const std::string& code, const std::string& message = {}) {
    return result_response(ServiceResult::error(code, message));
}

}  // namespace

void WebApi::add_routes(Router& router) {
    auto& workers = dispatcher_.workers();
    router.add(
        http::verb::post, "/api/v1/login",
        [this](const Exchange& e, Reply r) {
            auto slot = login_.admit(e);
            if (!slot)
                return r(error_response("rate_limited", "too many sign-ins; try again later"));
            login_.run(std::move(*slot), [this, held = hold(e), r = std::move(r)]() mutable {
                try {
                    login(*held, r);
                } catch (const std::exception& ex) {
                    spdlog::error("web login failed: {}", ex.what());
                    if (r)  // still ours: the login failed before handing it on
                        r(error_response("internal_error"));
                }
            });
        },
        cookie_json_route);
    router.add(http::verb::post, "/api/v1/login/code",
               [this, &workers](const Exchange& e, Reply r) {
                   reply_from_workers(workers, e, std::move(r), [this](const Exchange& held) {
                       return result_response(login_.send_code(held, json_object_body(held)));
                   });
               });
    router.add(
        http::verb::post, "/api/v1/logout",
        [this, &workers](const Exchange& e, Reply r) {
            reply_from_workers(workers, e, std::move(r),
                               [this](const Exchange& held) { return logout(held); });
        },
        cookie_json_route);
    router.add(http::verb::get, "/api/v1/services", [this, &workers](const Exchange&, Reply r) {
        reply_from_workers(workers, std::move(r), [this] { return services(); });
    });
    router.add(http::verb::post, "/api/v1/services/{plugin}/{operation}",
               [this, &workers](const Exchange& e, Reply r) {
                   auto run = [this](const Exchange& exchange, Reply& reply) {
                       try {
                           invoke(exchange, reply);
                       } catch (const std::exception& ex) {
                           spdlog::error("web invoke failed: {}", ex.what());
                           reply(error_response("internal_error"));
                       }
                   };
                   // A read is answered here: the hop to a worker would cost more than it.
                   if (dispatcher_.reads_only(e.path_param("plugin"), e.path_param("operation")))
                       return run(e, r);
                   boost::asio::post(workers, [run, held = hold(e), r = std::move(r)]() mutable {
                       run(*held, r);
                   });
               });
}

void WebApi::login(const Exchange& exchange, Reply& reply) {
    auto outcome = login_.attempt(exchange, json_object_body(exchange));
    if (!outcome.opened)
        return reply(result_response(outcome.result));
    const auto& opened = *outcome.opened;
    outcome.result.data = {{"token", opened.token},
                           {"csrf_token", opened.session.csrf_token},
                           {"msisdn", outcome.msisdn},
                           {"expires_in", login_.sessions().idle_expiry().count()}};
    ServiceRequest where;
    where.channel = "web";
    where.customer = outcome.msisdn;
    where.session_id = opened.session.session_id;
    where.request_id = exchange.request_id;
    placement_slot_.fill(
        where, slot_web_login,
        [result = std::move(outcome.result), cookie = login_.session_cookie(exchange, opened.token),
         reply = std::move(reply)](std::optional<nlohmann::json> offer) mutable {
            result.data["offer"] = offer ? std::move(*offer) : nlohmann::json(nullptr);
            HttpResponse response = result_response(result);
            response.set(http::field::set_cookie, cookie);
            reply(std::move(response));
        });
}

HttpResponse WebApi::logout(const Exchange& exchange) {
    std::string token;
    bool csrf_ok = false;
    auto session = authenticate(exchange, &token, &csrf_ok);
    if (!session)
        return error_response("unauthenticated");
    if (!csrf_ok)
        return error_response("forbidden", "missing or wrong X-CSRF-Token");
    login_.close(token);
    auto response = result_response(ServiceResult::ok());
    response.set(http::field::set_cookie, WebLogin::cleared_cookie(exchange));
    return response;
}

HttpResponse WebApi::services() {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& available : dispatcher_.enabled_operations("web"))
        list.push_back(operation_json(available, "/api/v1/services/"));
    return json_response(http::status::ok, {{"services", list}});
}

std::optional<CustomerSession> WebApi::authenticate(const Exchange& exchange, std::string* token,
                                                    bool* csrf_ok) {
    *token = bearer_token(exchange);
    if (token->empty()) {
        auto session = login_.cookie_session(exchange, token);
        *csrf_ok =
            session && constant_time_equal(exchange.header("X-CSRF-Token"), session->csrf_token);
        return session;
    }
    auto session = login_.sessions().find(*token, "web");
    if (!session)
        return std::nullopt;
    *csrf_ok = true;
    return session;
}

void WebApi::invoke(const Exchange& exchange, Reply reply) {
    ServiceRequest request;
    request.channel = "web";
    request.plugin = exchange.path_param("plugin");
    request.operation = exchange.path_param("operation");
    request.request_id = exchange.request_id;
    std::string token;
    bool csrf_ok = false;
    if (auto session = authenticate(exchange, &token, &csrf_ok)) {
        if (!csrf_ok)
            return reply(error_response("forbidden", "missing or wrong X-CSRF-Token"));
        request.customer = session->msisdn;
        request.session_id = session->session_id;
    } else if (!token.empty()) {
        // A stale or forged token is refused outright rather than treated as anonymous.
        return reply(error_response("unauthenticated", "session expired or unknown"));
    }
    auto params = json_object_body(exchange);
    std::string key = exchange.header("Idempotency-Key");
    if (!params || (!key.empty() && !usable_idempotency_key(key))) {
        ServiceResult refused = ServiceResult::error(
            "bad_request", params ? "Idempotency-Key must be 8-128 printable characters"
                                  : "the body must be a JSON object");
        dispatcher_.report(request, refused, exchange.started);
        return reply(result_response(refused));
    }
    request.params = std::move(*params);
    request.idempotency_key = key;
    dispatcher_.dispatch(std::move(request), [reply = std::move(reply)](ServiceResult result) {
        reply(result_response(result));
    });
}

}  // namespace ehall
