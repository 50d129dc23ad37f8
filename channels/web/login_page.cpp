// GET and POST /login. Before a session exists the form's CSRF token lives in a cookie
// of its own (`ehall_login_csrf`) that the form must repeat, so another site cannot log a
// browser in to an account of its choosing.
#include "channels/web/web_pages.hpp"
#include "gateway/base/random_token.hpp"
#include "gateway/base/result_codes.hpp"
#include "gateway/html/html_response.hpp"
#include "gateway/http/credentials.hpp"

namespace ehall {

namespace {

constexpr std::string_view login_csrf_cookie = "ehall_login_csrf";
constexpr std::int64_t login_csrf_max_age = 3600;

std::string login_error(const std::string& code, bool by_code) {
    if (code == "bad_request")
        return by_code ? "请输入11位手机号码和6位数字验证码。"
                       : "请输入11位手机号码和6位数字服务密码。";
    if (code == "unauthenticated")
        return "手机号码或服务密码错误。";
    return std::string(message_for(code));
}

}  // namespace

HttpResponse WebPages::login_form(const Exchange& exchange) {
    if (page_session(exchange))
        return see_other("/");
    const std::string csrf = random_hex(16);
    nlohmann::json data = {{"title", "登录"}, {"csrf", csrf}};
    if (exchange.query_param("bye") == "1")
        data["flash"] = "您已安全退出。";
    auto response = page(http::status::ok, "login_page", data);
    response.set(http::field::set_cookie,
                 cookie_header(exchange, login_csrf_cookie, csrf, login_csrf_max_age));
    return response;
}

HttpResponse WebPages::login_submit(const Exchange& exchange) {
    FormFields form;
    parse_form(exchange.request.body(), form);
    const std::string msisdn = form_field(form, "msisdn");
    // The code form posts "code" instead of "password".
    const bool by_code = form.contains("code");
    const std::string expected = cookie_value(exchange, login_csrf_cookie);
    // A fresh token for the form shown again, whatever happened.
    const std::string csrf = random_hex(16);
    // A code login shows the code form again, for another try.
    nlohmann::json data = {
        {"title", "登录"}, {"csrf", csrf}, {"msisdn", msisdn}, {"code_sent", by_code}};
    http::status status = http::status::forbidden;
    if (expected.empty() || !constant_time_equal(form_field(form, "csrf"), expected)) {
        data["error"] = "页面已过期，请重新登录。";
    } else {
        auto outcome = login_.attempt(
            exchange,
            by_code
                ? nlohmann::json{{"msisdn", msisdn}, {"code", form_field(form, "code")}}
                : nlohmann::json{{"msisdn", msisdn}, {"password", form_field(form, "password")}});
        if (outcome.opened) {
            auto response = see_other("/");
            response.set(http::field::set_cookie,
                         login_.session_cookie(exchange, outcome.opened->token));
            response.insert(http::field::set_cookie,
                            cookie_header(exchange, login_csrf_cookie, "", 0));
            return response;
        }
        status = http_status_for(outcome.result.code);
        data["error"] = login_error(outcome.result.code, by_code);
        data["locked"] = outcome.result.code == "locked";
    }
    auto response = page(status, "login_page", data);
    response.set(http::field::set_cookie,
                 cookie_header(exchange, login_csrf_cookie, csrf, login_csrf_max_age));
    return response;
}

HttpResponse WebPages::send_code_submit(const Exchange& exchange) {
    FormFields form;
    parse_form(exchange.request.body(), form);
    const std::string msisdn = form_field(form, "msisdn");
    const std::string expected = cookie_value(exchange, login_csrf_cookie);
    const std::string csrf = random_hex(16);
    nlohmann::json data = {{"title", "登录"}, {"csrf", csrf}, {"msisdn", msisdn}};
    http::status status = http::status::forbidden;
    if (expected.empty() || !constant_time_equal(form_field(form, "csrf"), expected)) {
        data["error"] = "页面已过期，请重新获取验证码。";
    } else {
        auto result = login_.send_code(exchange, nlohmann::json{{"msisdn", msisdn}});
        status = http_status_for(result.code);
        if (result.is_ok()) {
            // The same words for every number: the page must not tell who is a customer.
            data["flash"] = "如该号码为本网用户，验证码已通过短信发送，" +
                            std::to_string(result.data.value("expires_in", 0) / 60) +
                            "分钟内有效。";
            data["code_sent"] = true;
        } else {
            data["error"] = result.code == "bad_request" ? "请输入11位手机号码。"
                                                         : std::string(message_for(result.code));
        }
    }
    auto response = page(status, "login_page", data);
    response.set(http::field::set_cookie,
                 cookie_header(exchange, login_csrf_cookie, csrf, login_csrf_max_age));
    return response;
}

}  // namespace ehall
