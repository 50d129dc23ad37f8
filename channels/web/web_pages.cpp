#include "channels/web/web_pages.hpp"

#include "gateway/base/random_token.hpp"
#include "gateway/html/html_response.hpp"
#include "gateway/http/on_workers.hpp"

namespace ehall {

void WebPages::add_routes(Router& router) {
    auto& workers = dispatcher_.workers();
    // Page handlers read the store (and check passwords): never on the network threads.
    auto on_workers = [this, &workers](HttpResponse (WebPages::*handler)(const Exchange&)) {
        return [this, &workers, handler](const Exchange& e, Reply r) {
            reply_from_workers(workers, e, std::move(r), [this, handler](const Exchange& held) {
                return (this->*handler)(held);
            });
        };
    };
    router.add(http::verb::get, "/login", on_workers(&WebPages::login_form));
    router.add(
        http::verb::post, "/login",
        [this](const Exchange& e, Reply r) {
            auto slot = login_.admit(e);
            if (!slot) {
                return r(message_page(http::status::too_many_requests, nullptr, "登录过于频繁",
                                      "登录尝试过于频繁，请稍后再试。"));
            }
            login_.run(std::move(*slot), [this, held = hold(e), r = std::move(r)] {
                HttpResponse response;
                try {
                    response = login_submit(*held);
                } catch (const std::exception& ex) {
                    spdlog::error("web login failed: {}", ex.what());
                    response = message_page(http::status::internal_server_error, nullptr,
                                            "系统繁忙", "系统繁忙，请稍后再试");
                }
                r(std::move(response));
            });
        },
        cookie_form_route);
    router.add(http::verb::post, "/login/code", on_workers(&WebPages::send_code_submit),
               cookie_form_route);
    router.add(http::verb::post, "/logout", on_workers(&WebPages::logout), cookie_form_route);
    router.add(http::verb::get, "/records", on_workers(&WebPages::records));
    router.add(http::verb::get, "/services/{plugin}/{operation}",
               on_workers(&WebPages::operation_form));
    // Handlers that reply later (after the dispatcher or the offer slot answered).
    auto replying_later = [this, &workers](void (WebPages::*handler)(const Exchange&, Reply&)) {
        return [this, &workers, handler](const Exchange& e, Reply r) {
            boost::asio::post(workers, [this, handler, held = hold(e), r = std::move(r)]() mutable {
                try {
                    (this->*handler)(*held, r);
                } catch (const std::exception& ex) {
                    spdlog::error("web page failed: {}", ex.what());
                    if (r)  // still ours: the page failed before handing it on
                        r(message_page(http::status::internal_server_error, nullptr, "系统繁忙",
                                       "系统繁忙，请稍后再试"));
                }
            });
        };
    };
    router.add(http::verb::get, "/", replying_later(&WebPages::home));
    router.add(http::verb::post, "/services/{plugin}/{operation}",
               replying_later(&WebPages::operation_submit), form_route);
}

std::optional<CustomerSession> WebPages::page_session(const Exchange& exchange) {
    std::string token;
    return login_.cookie_session(exchange, &token);
}

std::optional<FormFields> WebPages::checked_form(const Exchange& exchange,
                                                 const CustomerSession& session,
                                                 HttpResponse* refusal) {
    FormFields form;
    parse_form(exchange.request.body(), form);
    if (!constant_time_equal(form_field(form, "csrf"), session.csrf_token)) {
        *refusal = message_page(http::status::forbidden, &session, "请求已过期",
                                "页面已过期或来源不明，请返回后重新提交。");
        return std::nullopt;
    }
    return form;
}

HttpResponse WebPages::logout(const Exchange& exchange) {
    std::string token;
    auto session = login_.cookie_session(exchange, &token);
    if (!session)
        return see_other("/login");
    HttpResponse refusal;
    if (!checked_form(exchange, *session, &refusal))
        return refusal;
    login_.close(token);
    auto response = see_other("/login?bye=1");
    response.set(http::field::set_cookie, WebLogin::cleared_cookie(exchange));
    return response;
}

nlohmann::json WebPages::frame(const CustomerSession& session, std::string_view title,
                               std::string_view current) const {
    nlohmann::json nav = nlohmann::json::array();
    for (auto [href, label] : {std::pair{"/", "首页"}, std::pair{"/records", "我的记录"}})
        nav.push_back({{"href", href}, {"label", label}, {"current", current == href}});
    return {
        {"title", title}, {"nav", nav}, {"logout_action", "/logout"}, {"csrf", session.csrf_token}};
}

HttpResponse WebPages::page(http::status status, std::string_view name,
                            const nlohmann::json& data) const {
    return html_response(status, templates_.render_page(name, data));
}

HttpResponse WebPages::message_page(http::status status, const CustomerSession* session,
                                    std::string_view title, std::string_view message) const {
    nlohmann::json data = session ? frame(*session, title, "") : nlohmann::json{{"title", title}};
    data["message"] = message;
    return page(status, "message_page", data);
}

std::optional<AvailableOperation> WebPages::requested_operation(const Exchange& exchange) {
    const std::string plugin = exchange.path_param("plugin");
    const std::string operation = exchange.path_param("operation");
    for (const auto& available : dispatcher_.enabled_operations("web")) {
        if (available.plugin->id == plugin && available.operation->name == operation)
            return available;
    }
    return std::nullopt;
}

std::string WebPages::operation_title(const std::string& plugin,
                                      const std::string& operation) const {
    if (plugin == "session")
        return operation == "login"        ? "登录"
               : operation == "code_login" ? "验证码登录"
               : operation == "send_code"  ? "获取登录验证码"
                                           : operation;
    if (const PluginModule* module = host_.find(plugin)) {
        if (const OperationSpec* spec = module->manifest().find(operation))
            return spec->title;
    }
    return plugin + "." + operation;
}

}  // namespace ehall
