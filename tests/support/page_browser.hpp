// A browser stand-in for testing HTML pages over HTTP: keeps cookies, posts
// application/x-www-form-urlencoded forms, and reads hidden fields (CSRF tokens) back
// out of the pages. No JavaScript, like a browser with scripts off.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "tests/support/http_client.hpp"

namespace ehall::test {

using FormData = std::vector<std::pair<std::string, std::string>>;

// Percent-encodes `fields` as an HTML form would.
std::string encode_form(const FormData& fields);

// Every Set-Cookie header of a response.
std::vector<std::string> set_cookies(const HttpResult& result);
// The Set-Cookie header that sets `name`, empty when none does.
std::string set_cookie_for(const HttpResult& result, const std::string& name);

// The value attribute of the first <input name="NAME" value="..."> in `html` (attributes
// in that order, as the templates write them), empty when absent.
std::string hidden_value(const std::string& html, const std::string& name);

class PageBrowser {
  public:
    explicit PageBrowser(std::uint16_t port) : client_(port) {}

    HttpResult get(const std::string& target, const Headers& headers = {});
    HttpResult post_form(const std::string& target, const FormData& fields,
                         const Headers& headers = {});

    // Cookies currently held (a Max-Age=0 cookie is dropped).
    const std::map<std::string, std::string>& cookies() const { return cookies_; }
    void set_cookie(const std::string& name, const std::string& value) { cookies_[name] = value; }
    void forget_cookies() { cookies_.clear(); }

  private:
    HttpResult send(http::verb method, const std::string& target, const std::string& body,
                    Headers headers);
    void keep_cookies(const HttpResult& result);

    HttpClient client_;
    std::map<std::string, std::string> cookies_;
};

}  // namespace ehall::test
