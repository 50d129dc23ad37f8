#include "gateway/html/html_response.hpp"

namespace ehall {

namespace {

void add_page_headers(HttpResponse& response) {
    response.set("Content-Security-Policy",
                 "default-src 'none'; style-src 'self'; img-src 'self' data:; "
                 "script-src 'self'; form-action 'self'; frame-ancestors 'none'; "
                 "base-uri 'none'");
    response.set(http::field::x_frame_options, "DENY");
    response.set("X-Content-Type-Options", "nosniff");
    response.set("Referrer-Policy", "same-origin");
    response.set(http::field::cache_control, "no-store");
}

}  // namespace

HttpResponse html_response(http::status status, std::string body) {
    auto response = make_response(status, "text/html; charset=utf-8", std::move(body));
    add_page_headers(response);
    return response;
}

HttpResponse see_other(std::string_view location) {
    auto response = make_response(http::status::see_other, "text/plain; charset=utf-8", "");
    response.set(http::field::location, location);
    add_page_headers(response);
    return response;
}

}  // namespace ehall
