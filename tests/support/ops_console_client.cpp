#include "tests/support/ops_console_client.hpp"

#include <regex>

namespace ehall::test {

namespace {
const Headers form_type = {{"Content-Type", "application/x-www-form-urlencoded"}};
}  // namespace

std::string cookie_pair(const HttpResult& result) {
    const std::string header = result.header("Set-Cookie");
    return header.substr(0, header.find(';'));
}

std::string hidden_field(const std::string& html, const std::string& name) {
    std::smatch found;
    const std::regex field("name=\"" + name + "\" value=\"([^\"]*)\"");
    return std::regex_search(html, found, field) ? found[1].str() : std::string{};
}

HttpResult post_form(HttpClient& client, const std::string& target, const std::string& body,
                     const std::string& cookie) {
    Headers headers = form_type;
    if (!cookie.empty())
        headers.emplace_back("Cookie", cookie);
    return client.request(http::verb::post, target, body, headers);
}

std::pair<std::string, HttpResult> sign_in(HttpClient& client, const std::string& account,
                                           const std::string& password) {
    auto form = client.get("/admin/login");
    const std::string nonce_cookie = cookie_pair(form);
    auto result = post_form(client, "/admin/login",
                            "account=" + account + "&password=" + password +
                                "&login_nonce=" + hidden_field(form.body, "login_nonce"),
                            nonce_cookie);
    return {result.status == 303 ? cookie_pair(result) : std::string{}, result};
}

}  // namespace ehall::test
