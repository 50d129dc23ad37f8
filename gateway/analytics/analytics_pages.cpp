#include "gateway/analytics/analytics_pages.hpp"

#include <ehall/clock.hpp>
#include "gateway/analytics/analyst_page_frame.hpp"
#include "gateway/analytics/analytics_api.hpp"
#include "gateway/analytics/dashboard_view.hpp"
#include "gateway/analytics/report_catalogue.hpp"
#include "gateway/base/random_token.hpp"
#include "gateway/html/html_response.hpp"
#include "gateway/http/credentials.hpp"
#include "gateway/http/form_body.hpp"
#include "gateway/http/on_workers.hpp"

namespace ehall::analytics {

namespace {

std::string login_csrf_cookie_value(const std::string& value, int max_age) {
    return std::string(login_csrf_cookie)
        .append("=")
        .append(value)
        .append("; Path=/analytics; HttpOnly; SameSite=Strict; Max-Age=")
        .append(std::to_string(max_age));
}

}  // namespace

void AnalyticsPages::add_routes(Router& router) {
    router.add(http::verb::get, "/analytics/login",
               [this](const Exchange&, Reply reply) { reply(login_form(http::status::ok, "")); });
    router.add(
        http::verb::post, "/analytics/login",
        [this](const Exchange& exchange, Reply reply) {
            reply_from_workers(workers_, exchange, std::move(reply),
                               [this](const Exchange& e) { return log_in(e); });
        },
        cookie_form_route);
    router.add(
        http::verb::post, "/analytics/logout",
        [this](const Exchange& exchange, Reply reply) {
            reply_from_workers(workers_, exchange, std::move(reply),
                               [this](const Exchange& e) { return log_out(e); });
        },
        cookie_form_route);
    router.add(http::verb::get, "/analytics", [this](const Exchange& exchange, Reply reply) {
        reply_from_workers(workers_, exchange, std::move(reply),
                           [this](const Exchange& e) { return dashboard(e); });
    });
}

// Double-submit CSRF for the login form: the same random value in an HttpOnly SameSite=Strict
// cookie and in the form; another site can neither read the cookie nor send it.
HttpResponse AnalyticsPages::login_form(http::status status, const std::string& error) const {
    const std::string csrf = random_hex(16);
    nlohmann::json data = analyst_page_frame("分析员登录");
    data["csrf"] = csrf;
    if (!error.empty())
        data["error"] = error;
    auto response = html_response(status, pages_.render_page("login", data));
    response.set(http::field::set_cookie, login_csrf_cookie_value(csrf, 600));
    return response;
}

HttpResponse AnalyticsPages::log_in(const Exchange& exchange) const {
    FormFields form;
    parse_form(exchange.request.body(), form);
    const std::string csrf = form_field(form, "csrf");
    const std::string expected = cookie_value(exchange, login_csrf_cookie);
    if (csrf.empty() || expected.empty() || !constant_time_equal(csrf, expected))
        return login_form(http::status::forbidden, "表单已过期，请重新登录 (CSRF check failed)");
    const auto cookie = access_.log_in(form_field(form, "token"));
    if (!cookie)
        return login_form(http::status::unauthorized, "令牌错误 (wrong analyst token)");
    auto response = see_other("/analytics");
    response.set(http::field::set_cookie, *cookie);
    response.insert(http::field::set_cookie, login_csrf_cookie_value("", 0));
    return response;
}

HttpResponse AnalyticsPages::log_out(const Exchange& exchange) const {
    FormFields form;
    parse_form(exchange.request.body(), form);
    const auto session = access_.session(exchange);
    if (!session)
        return see_other("/analytics/login");
    if (!constant_time_equal(form_field(form, "csrf"), session->csrf_token))
        return html_response(http::status::forbidden, "CSRF check failed");
    auto response = see_other("/analytics/login");
    response.set(http::field::set_cookie, access_.log_out(exchange));
    return response;
}

HttpResponse AnalyticsPages::dashboard(const Exchange& exchange) const {
    const auto session = access_.session(exchange);
    if (!session)
        return see_other("/analytics/login");
    const ReportKind& diversion = *find_report("diversion");
    nlohmann::json data = analyst_page_frame("渠道分流");
    data["logout_action"] = "/analytics/logout";
    data["csrf"] = session->csrf_token;
    auto status = http::status::ok;
    // An option the dashboard does not take is refused, as by the JSON and CSV routes: the
    // page says which and shows the form with its defaults.
    ReportParams query;
    try {
        query = params_from_query(diversion, exchange);
    } catch (const ReportInputError& e) {
        data["form"] = dashboard_form(dashboard_params({}, now_ms()));
        data["error"] = e.what();
        return html_response(http::status::bad_request, pages_.render_page("dashboard", data));
    }
    const ReportParams params = dashboard_params(query, now_ms());
    data["form"] = dashboard_form(params);
    try {
        const auto rates = diversion.run({config_.data_dir, config_.store.url}, params).json;
        const auto share =
            find_report("echannel-share")->run({config_.data_dir, config_.store.url}, params).json;
        data["report"] = dashboard_view(rates, share, params);
    } catch (const ReportInputError& e) {
        data["error"] = e.what();
        status = http::status::bad_request;
    }
    return html_response(status, pages_.render_page("dashboard", data));
}

}  // namespace ehall::analytics
