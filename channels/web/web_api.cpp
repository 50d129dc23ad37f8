#include "channels/web/web_api.hpp"

#include "gateway/http/credentials.hpp"
#include "gateway/http/json_body.hpp"
#include "gateway/http/on_workers.hpp"
#include "gateway/operation_json.hpp"
#include "gateway/param_validation.hpp"
#include "gateway/random_token.hpp"
#include "gateway/result_response.hpp"

namespace ehall {

namespace {

HttpResponse error_response(const std::string& code, const std::string& message = {}) {
    return result_response(ServiceResult::error(code, message));
}

}  // namespace

void WebApi::add_routes(Router& router) {
    auto& workers = dispatcher_.workers();
    router.add(http::verb::post, "/api/v1/login", [this, &workers](const Exchange& e, Reply r) {
        boost::asio::post(workers, [this, &e, r = std::move(r)]() mutable {
            try {
                login(e, r);
            } catch (const std::exception& ex) {
                spdlog::error("web login failed: {}", ex.what());
                if (r)  // still ours: the login failed before handing it on
                    r(error_response("internal_error"));
            }
        });
    });
    router.add(http::verb::post, "/api/v1/logout", [this, &workers](const Exchange& e, Reply r) {
        reply_from_workers(workers, std::move(r), [this, &e] { return logout(e); });
    });
    router.add(http::verb::get, "/api/v1/services", [this, &workers](const Exchange&, Reply r) {
        reply_from_workers(workers, std::move(r), [this] { return services(); });
    });
    router.add(http::verb::post, "/api/v1/services/{plugin}/{operation}",
               [this, &workers](const Exchange& e, Reply r) {
                   boost::asio::post(workers, [this, &e, r = std::move(r)]() mutable {
                       try {
                           invoke(e, r);
                       } catch (const std::exception& ex) {
                           spdlog::error("web invoke failed: {}", ex.what());
                           r(error_response("internal_error"));
                       }
                   });
               });
}

void WebApi::login(const Exchange& exchange, Reply& reply) {
    const auto started = std::chrono::steady_clock::now();
    ServiceRequest attempt;
    attempt.channel = "web";
    attempt.plugin = "session";
    attempt.operation = "login";
    attempt.request_id = exchange.request_id;
    auto checked = login_.verify_body(json_object_body(exchange));
    const std::string& msisdn = checked.msisdn;
    attempt.customer = msisdn;
    ServiceResult result = std::move(checked.result);
    auto journal = [&] {
        dispatcher_.record(attempt, "other", result,
                           std::chrono::duration_cast<std::chrono::microseconds>(
                               std::chrono::steady_clock::now() - started));
    };
    if (!result.is_ok()) {
        journal();
        return reply(result_response(result));
    }
    auto opened = sessions_.open(msisdn, "web");
    attempt.session_id = opened.session.session_id;
    auto expires_in = std::chrono::duration_cast<std::chrono::seconds>(sessions_.idle_expiry());
    result.data = {{"token", opened.token},
                   {"csrf_token", opened.session.csrf_token},
                   {"msisdn", msisdn},
                   {"expires_in", expires_in.count()}};
    journal();
    const std::string cookie =
        std::string(session_cookie_name) + "=" + opened.token +
        "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" + std::to_string(expires_in.count());
    offer_slot_.fill(
        attempt, placement_web_login,
        [result, cookie, reply = std::move(reply)](std::optional<nlohmann::json> offer) mutable {
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
    sessions_.close(token);
    auto response = result_response(ServiceResult::ok());
    response.set(http::field::set_cookie,
                 std::string(session_cookie_name) + "=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0");
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
    bool from_cookie = token->empty();
    if (from_cookie)
        *token = cookie_value(exchange, session_cookie_name);
    if (token->empty())
        return std::nullopt;
    auto session = sessions_.find(*token);
    if (!session || session->channel != "web")
        return std::nullopt;
    *csrf_ok =
        !from_cookie || constant_time_equal(exchange.header("X-CSRF-Token"), session->csrf_token);
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
        dispatcher_.record(request, "other", refused, std::chrono::microseconds(0));
        return reply(result_response(refused));
    }
    request.params = std::move(*params);
    request.idempotency_key = key;
    dispatcher_.dispatch(std::move(request), [reply = std::move(reply)](ServiceResult result) {
        reply(result_response(result));
    });
}

}  // namespace ehall
