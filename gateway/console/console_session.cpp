// The ops console's routes, sign-in and sign-out, and the check every page and action
// passes: a live staff session, and on every POST the session's CSRF token.
#include <spdlog/spdlog.h>
#include <boost/asio/post.hpp>

#include <ehall/clock.hpp>
#include "gateway/base/random_token.hpp"
#include "gateway/base/result_codes.hpp"
#include "gateway/console/ops_console.hpp"
#include "gateway/html/html_response.hpp"
#include "gateway/http/credentials.hpp"
#include "gateway/http/request_origin.hpp"
#include "gateway/identity/admin_auth.hpp"
#include "gateway/identity/sign_in_attempts.hpp"

namespace ehall {

namespace {

constexpr std::string_view login_cookie_name = "ehall_ops_login";

std::string cookie(std::string_view name, const std::string& value, const Exchange& exchange,
                   std::string_view max_age = {}) {
    std::string text = std::string(name) + "=" + value + "; Path=/admin; HttpOnly; SameSite=Strict";
    if (!max_age.empty())
        text.append("; Max-Age=").append(max_age);
    if (came_over_tls(exchange))
        text += "; Secure";
    return text;
}

HttpResponse internal_error_page() {
    return html_response(http::status::internal_server_error,
                         "<!doctype html><title>ehall</title><p>内部错误，请稍后再试。</p>");
}

}  // namespace

void OpsConsole::add_routes(Router& router) {
    router.add(http::verb::get, "/admin",
               [](const Exchange&, Reply reply) { reply(see_other("/admin/plugins")); });
    router.add(http::verb::get, "/admin/login",
               [this](const Exchange& e, Reply reply) { reply(login_page(e, {})); });
    router.add(
        http::verb::post, "/admin/login",
        [this](const Exchange& e, Reply reply) {
            auto slot = sign_in_gate_.admit(e.remote_address);
            if (!slot) {
                return reply(login_page(e, "登录尝试过于频繁，请稍后再试。",
                                        http::status::too_many_requests));
            }
            sign_in_gate_.run(std::move(*slot),
                              [this, held = hold(e), reply] { reply(login(*held)); });
        },
        cookie_form_route);
    router.add(
        http::verb::post, "/admin/logout",
        [this](const Exchange& e, Reply reply) {
            boost::asio::post(workers_, [this, held = hold(e), reply] { reply(logout(*held)); });
        },
        cookie_form_route);
    auto view = [](auto member) {
        return [member](OpsConsole& self, const Staff& staff, const Exchange& e, const FormFields&,
                        Reply reply) { (self.*member)(staff, e, reply); };
    };
    router.add(http::verb::get, "/admin/plugins",
               for_staff(view(&OpsConsole::plugins_page), false));
    router.add(http::verb::get, "/admin/plugins/{id}",
               for_staff(view(&OpsConsole::plugin_page), false));
    router.add(http::verb::get, "/admin/plugins/{id}/{channel}",
               for_staff(view(&OpsConsole::confirm_switch), false));
    router.add(http::verb::post, "/admin/plugins/{id}/{channel}",
               for_staff(&OpsConsole::switch_plugin, true), form_route);
    router.add(http::verb::post, "/admin/plugins/{id}/ops/{operation}",
               for_staff(&OpsConsole::run_plugin_operation, true), form_route);
    router.add(http::verb::get, "/admin/audit", for_staff(view(&OpsConsole::audit_page), false));
    router.add(http::verb::get, "/admin/terminals",
               for_staff(view(&OpsConsole::terminals_page), false));
    router.add(http::verb::post, "/admin/terminals", for_staff(&OpsConsole::terminal_action, true),
               form_route);
    router.add(http::verb::post, "/admin/terminals/{id}/{action}",
               for_staff(&OpsConsole::terminal_action, true), form_route);
    router.add(http::verb::get, "/admin/traffic",
               for_staff([](OpsConsole& self, const Staff& staff, const Exchange&,
                            const FormFields&, Reply reply) { self.traffic_page(staff, reply); },
                         false));
}

Handler OpsConsole::for_staff(StaffWork work, bool is_action) {
    return [this, work = std::move(work), is_action](const Exchange& exchange, Reply reply) {
        boost::asio::post(workers_, [this, work, is_action, held = hold(exchange), reply] {
            const Exchange& exchange = *held;
            try {
                auto staff = signed_in(exchange);
                if (!staff)
                    return reply(see_other("/admin/login"));
                FormFields form;
                if (is_action) {
                    parse_form(exchange.request.body(), form);
                    if (!constant_time_equal(form_field(form, "csrf"), staff->csrf)) {
                        return reply(page(*staff, "refused",
                                          {{"title", "请求被拒绝"},
                                           {"reason", "表单已过期或来源不明，请返回重试。"}},
                                          http::status::forbidden));
                    }
                }
                work(*this, *staff, exchange, form, reply);
            } catch (const std::exception& e) {
                spdlog::error("ops console {}: {}", exchange.route, e.what());
                reply(internal_error_page());
            }
        });
    };
}

std::optional<OpsConsole::Staff> OpsConsole::signed_in(const Exchange& exchange) {
    const std::string token = cookie_value(exchange, ops_cookie_name);
    if (token.empty())
        return std::nullopt;
    auto session = sessions_.find(token, "ops");
    if (!session)
        return std::nullopt;
    return Staff{session->msisdn, session->csrf_token};
}

HttpResponse OpsConsole::login_page(const Exchange& exchange, const std::string& error,
                                    http::status status) {
    // Sign-in forms are protected by a double-submitted random value: the cookie and the
    // hidden field must match, which another site cannot arrange.
    const std::string nonce = random_hex(16);
    auto response = html_response(status, pages_.render_page("login", {{"title", "运营控制台登录"},
                                                                       {"site_name", "运营控制台"},
                                                                       {"home_href", "/admin"},
                                                                       {"error", error},
                                                                       {"login_nonce", nonce}}));
    response.set(http::field::set_cookie, cookie(login_cookie_name, nonce, exchange, "1800"));
    return response;
}

std::string OpsConsole::admin_token_sign_in(const std::string& token, const std::string& source) {
    // Throttled per client address like a password, never locked for everyone: one outsider
    // guessing must not keep staff out.
    const std::string key = "ops:admin-token@" + source;
    const SignInPolicy policy{.limit = 5, .window = std::chrono::minutes(15), .back_off = true};
    SignInReservation reservation;
    store_.write(
        [&](Transaction& tx) { reservation = reserve_sign_in(tx, key, policy, now_ms()); });
    if (!reservation.granted)
        return "locked";
    if (config_.admin.token.empty() || !constant_time_equal(token, config_.admin.token))
        return "unauthenticated";
    store_.write([&](Transaction& tx) { forget_failures(tx, key); });
    return "ok";
}

HttpResponse OpsConsole::login(const Exchange& exchange) {
    FormFields form;
    parse_form(exchange.request.body(), form);
    const std::string nonce = cookie_value(exchange, login_cookie_name);
    if (nonce.empty() || !constant_time_equal(form_field(form, "login_nonce"), nonce))
        return login_page(exchange, "登录表单已过期，请重新输入。", http::status::forbidden);
    const std::string account = form_field(form, "account");
    const std::string password = form_field(form, "password");
    std::string actor;
    std::string code;
    if (account.empty()) {
        code = admin_token_sign_in(password, exchange.remote_address);
        actor = admin_token_actor(password);
    } else {
        code = accounts_.verify(account, password, exchange.remote_address);
        actor = ops_actor(account);
    }
    if (code != "ok")
        sign_in_gate_.failed(exchange.remote_address);
    if (code == "locked")
        return login_page(exchange, "尝试次数过多，请稍后再试。", http::status::too_many_requests);
    if (code != "ok")
        return login_page(exchange, "账号或密码错误。", http::status::unauthorized);
    spdlog::info("ops console: {} signed in", actor);
    auto opened = sessions_.open(actor, "ops");
    auto response = see_other("/admin/plugins");
    response.set(http::field::set_cookie, cookie(ops_cookie_name, opened.token, exchange));
    return response;
}

HttpResponse OpsConsole::logout(const Exchange& exchange) {
    const std::string token = cookie_value(exchange, ops_cookie_name);
    FormFields form;
    parse_form(exchange.request.body(), form);
    auto session = token.empty() ? std::nullopt : sessions_.find(token, "ops");
    if (session && constant_time_equal(form_field(form, "csrf"), session->csrf_token))
        sessions_.close(token);
    else if (session)
        return html_response(http::status::forbidden,
                             "<!doctype html><title>ehall</title><p>请求被拒绝。</p>");
    auto response = see_other("/admin/login");
    response.set(http::field::set_cookie, cookie(ops_cookie_name, "", exchange, "0"));
    return response;
}

HttpResponse OpsConsole::page(const Staff& staff, const std::string& name, nlohmann::json data,
                              http::status status) const {
    data["site_name"] = "运营控制台";
    data["home_href"] = "/admin";
    data["logout_action"] = "/admin/logout";
    data["csrf"] = staff.csrf;
    data["staff"] = staff.actor;
    nlohmann::json nav = nlohmann::json::array();
    for (const auto& [href, label] : {std::pair{"/admin/plugins", "插件开关"},
                                      {"/admin/audit", "审计日志"},
                                      {"/admin/terminals", "自助终端"},
                                      {"/admin/traffic", "实时流量"}}) {
        nav.push_back(
            {{"href", href}, {"label", label}, {"current", data.value("section", "") == href}});
    }
    data["nav"] = nav;
    return html_response(status, pages_.render_page(name, data));
}

HttpResponse OpsConsole::admin_failure(const Staff& staff, const ServiceResult& failed) const {
    const std::string message =
        failed.message.empty() ? std::string(message_for(failed.code)) : failed.message;
    const http::status status = http_status_for(failed.code);
    return page(staff, "refused", {{"title", "操作未完成"}, {"reason", message}},
                status == http::status::internal_server_error ? http::status::bad_gateway : status);
}

}  // namespace ehall
