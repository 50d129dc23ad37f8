#include "gateway/http/request_origin.hpp"

#include <boost/algorithm/string/predicate.hpp>

#include "gateway/base/origin.hpp"

namespace ehall {

bool came_over_tls(const Exchange& exchange) {
    return boost::iequals(exchange.header("X-Forwarded-Proto"), "https");
}

std::optional<std::string> own_origin(const Exchange& exchange) {
    const std::string host = exchange.header(http::field::host);
    if (host.empty())
        return std::nullopt;
    return normalised_origin((came_over_tls(exchange) ? "https://" : "http://") + host);
}

}  // namespace ehall
