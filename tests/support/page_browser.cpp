#include "tests/support/page_browser.hpp"

#include <boost/algorithm/string/predicate.hpp>
#include <cctype>

namespace ehall::test {

std::string encode_form(const FormData& fields) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (const auto& [name, value] : fields) {
        if (!out.empty())
            out += '&';
        for (const std::string* part : {&name, &value}) {
            for (unsigned char c : *part) {
                if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
                    out += static_cast<char>(c);
                } else if (c == ' ') {
                    out += '+';
                } else {
                    out += '%';
                    out += hex[c >> 4];
                    out += hex[c & 15];
                }
            }
            if (part == &name)
                out += '=';
        }
    }
    return out;
}

std::vector<std::string> set_cookies(const HttpResult& result) {
    std::vector<std::string> found;
    for (const auto& [name, value] : result.headers) {
        if (boost::iequals(name, "Set-Cookie"))
            found.push_back(value);
    }
    return found;
}

std::string set_cookie_for(const HttpResult& result, const std::string& name) {
    for (const auto& cookie : set_cookies(result)) {
        if (cookie.starts_with(name + "="))
            return cookie;
    }
    return {};
}

std::string hidden_value(const std::string& html, const std::string& name) {
    const std::string marker = "name=\"" + name + "\" value=\"";
    auto start = html.find(marker);
    if (start == std::string::npos)
        return {};
    start += marker.size();
    return html.substr(start, html.find('"', start) - start);
}

HttpResult PageBrowser::get(const std::string& target, const Headers& headers) {
    return send(http::verb::get, target, {}, headers);
}

HttpResult PageBrowser::post_form(const std::string& target, const FormData& fields,
                                  const Headers& headers) {
    Headers with_type = headers;
    with_type.emplace_back("Content-Type", "application/x-www-form-urlencoded");
    return send(http::verb::post, target, encode_form(fields), with_type);
}

HttpResult PageBrowser::send(http::verb method, const std::string& target, const std::string& body,
                             Headers headers) {
    std::string cookie_header;
    for (const auto& [name, value] : cookies_) {
        if (!cookie_header.empty())
            cookie_header += "; ";
        cookie_header += name + "=" + value;
    }
    if (!cookie_header.empty())
        headers.emplace_back("Cookie", cookie_header);
    auto result = client_.request(method, target, body, headers);
    keep_cookies(result);
    return result;
}

void PageBrowser::keep_cookies(const HttpResult& result) {
    for (const auto& cookie : set_cookies(result)) {
        auto eq = cookie.find('=');
        auto end = cookie.find(';');
        std::string name = cookie.substr(0, eq);
        std::string value = cookie.substr(eq + 1, end == std::string::npos ? end : end - eq - 1);
        if (value.empty() || cookie.find("Max-Age=0") != std::string::npos)
            cookies_.erase(name);
        else
            cookies_[name] = value;
    }
}

}  // namespace ehall::test
