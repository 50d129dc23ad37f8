// For the kiosk touch UI tests: a form-posting client that keeps the UI's cookies (device
// and customer) and the page's CSRF token, like the kiosk's browser does. Header-only.
#pragma once

#include <regex>
#include <string>
#include <utility>
#include <vector>

#include "tests/support/http_client.hpp"
#include "tests/support/page_browser.hpp"

namespace ehall::test {

struct KioskUiBrowser {
    HttpClient& http;
    std::string device{};      // ehall_kiosk_device
    std::string customer{};    // ehall_kiosk_customer
    std::string csrf{};        // from the last page that carried one
    std::string request_id{};  // sent as X-Request-Id when set

    HttpResult get(const std::string& path) { return send(http::verb::get, path, ""); }
    // Posts `fields` plus the page's CSRF token (unless `with_csrf` is false).
    HttpResult post(const std::string& path, FormData fields, bool with_csrf = true) {
        if (with_csrf)
            fields.emplace_back("csrf", csrf);
        return send(http::verb::post, path, encode_form(fields));
    }
    // Redeems `code` for `terminal_id` on the activation page.
    HttpResult activate(const std::string& terminal_id, const std::string& code) {
        return post("/kiosk/ui/activate", {{"terminal_id", terminal_id}, {"code", code}}, false);
    }

    // The value of hidden field `name` in `page`, empty when absent.
    static std::string hidden(const std::string& page, const std::string& name) {
        std::smatch match;
        std::regex field("name=\"" + name + "\" value=\"([^\"]*)\"");
        return std::regex_search(page, match, field) ? match[1].str() : std::string{};
    }

  private:
    HttpResult send(http::verb method, const std::string& path, const std::string& body) {
        Headers headers;
        std::string cookies;
        if (!device.empty())
            cookies.append("ehall_kiosk_device=").append(device);
        if (!customer.empty())
            cookies.append(cookies.empty() ? "" : "; ")
                .append("ehall_kiosk_customer=")
                .append(customer);
        if (!cookies.empty())
            headers.emplace_back("Cookie", cookies);
        if (method == http::verb::post)
            headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
        if (!request_id.empty())
            headers.emplace_back("X-Request-Id", request_id);
        HttpResult result = http.request(method, path, body, headers);
        remember_cookie(result.header("Set-Cookie"));
        if (auto token = hidden(result.body, "csrf"); !token.empty())
            csrf = token;
        return result;
    }

    void remember_cookie(const std::string& set_cookie) {
        auto eq = set_cookie.find('=');
        if (eq == std::string::npos)
            return;
        const std::string name = set_cookie.substr(0, eq);
        const std::string value = set_cookie.substr(eq + 1, set_cookie.find(';') - eq - 1);
        if (name == "ehall_kiosk_device")
            device = value;
        else if (name == "ehall_kiosk_customer")
            customer = value;
    }
};

}  // namespace ehall::test
