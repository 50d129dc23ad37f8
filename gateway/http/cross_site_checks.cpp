#include "gateway/http/cross_site_checks.hpp"

#include <algorithm>
#include <boost/algorithm/string/predicate.hpp>
#include <boost/algorithm/string/trim.hpp>

#include "gateway/base/origin.hpp"
#include "gateway/base/result_codes.hpp"
#include "gateway/http/request_origin.hpp"

namespace ehall {

namespace {

// application/json in any case, parameters such as "; charset=utf-8" allowed.
bool is_json_content_type(std::string_view content_type) {
    std::string_view media_type = content_type.substr(0, content_type.find(';'));
    return boost::iequals(boost::trim_copy(std::string(media_type)), "application/json");
}

// A body a handler may read: any but a GET's or HEAD's, which no handler reads.
bool carries_body(const HttpRequest& request) {
    return !request.body().empty() && request.method() != http::verb::get &&
           request.method() != http::verb::head;
}

HttpResponse refused(std::string_view code, std::string_view message) {
    return json_response(http_status_for(code),
                         {{"status", "error"}, {"code", code}, {"message", message}});
}

}  // namespace

std::optional<HttpResponse> CrossSiteChecks::refusal(const Exchange& exchange,
                                                     const RouteRules& rules) const {
    if (rules.sets_cookie && !origin_allowed(exchange))
        return refused("forbidden", "requests from another site's page are refused here");
    if (rules.body == RouteRules::Body::json && carries_body(exchange.request) &&
        !is_json_content_type(exchange.header(http::field::content_type))) {
        return refused("unsupported_media_type", "the body must be Content-Type: application/json");
    }
    return std::nullopt;
}

bool CrossSiteChecks::origin_allowed(const Exchange& exchange) const {
    const auto header = exchange.request.find(http::field::origin);
    if (header == exchange.request.end())
        return true;  // not a browser, or one old enough to send none: no cross-site claim
    const auto origin = normalised_origin(header->value());
    if (!origin)
        return false;  // "null" and anything unreadable
    return origin == own_origin(exchange) ||
           std::find(allowed_origins_.begin(), allowed_origins_.end(), *origin) !=
               allowed_origins_.end();
}

}  // namespace ehall
