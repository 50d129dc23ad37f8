// Responses for pages people see in a browser.
#pragma once

#include <string>
#include <string_view>

#include "gateway/http/exchange.hpp"

namespace ehall {

// text/html with the headers every page carries: a Content-Security-Policy allowing only
// same-origin styles, scripts and images (no inline script), no framing, no MIME sniffing,
// no caching of customer data.
HttpResponse html_response(http::status status, std::string body);
// 303 See Other to `location` (after a form POST, or to the login page).
HttpResponse see_other(std::string_view location);

}  // namespace ehall
