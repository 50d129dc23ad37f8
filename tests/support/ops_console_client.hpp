// The ops console (/admin) as a person uses it, for the tests: the sign-in form, forms
// posted with the session cookie, hidden fields read from a page.
#pragma once

#include <string>
#include <utility>

#include "tests/support/http_client.hpp"

namespace ehall::test {

// "name=value" of a Set-Cookie header, without its attributes.
std::string cookie_pair(const HttpResult& result);
// The value of hidden field `name` in `html`, "" when there is none.
std::string hidden_field(const std::string& html, const std::string& name);
// POSTs a form body with the session cookie ("" for none).
HttpResult post_form(HttpClient& client, const std::string& target, const std::string& body,
                     const std::string& cookie);
// Signs in through the login form; the session cookie ("" when refused) and the result.
std::pair<std::string, HttpResult> sign_in(HttpClient& client, const std::string& account,
                                           const std::string& password);

}  // namespace ehall::test
