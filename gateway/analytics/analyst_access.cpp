#include "gateway/analytics/analyst_access.hpp"

#include "gateway/base/random_token.hpp"
#include "gateway/http/credentials.hpp"

namespace ehall::analytics {

namespace {

constexpr const char* kChannel = "analytics";

std::string cookie(const std::string& value, std::int64_t max_age_seconds) {
    return std::string(analyst_cookie)
        .append("=")
        .append(value)
        .append("; Path=/analytics; HttpOnly; SameSite=Strict; Max-Age=")
        .append(std::to_string(max_age_seconds));
}

}  // namespace

bool AnalystAccess::is_analyst_token(const std::string& token) const {
    return !token.empty() && !config_.admin.analyst_token.empty() &&
           constant_time_equal(token, config_.admin.analyst_token);
}

bool AnalystAccess::has_bearer_token(const Exchange& exchange) const {
    return is_analyst_token(bearer_token(exchange));
}

std::optional<CustomerSession> AnalystAccess::session(const Exchange& exchange) const {
    const std::string token = cookie_value(exchange, analyst_cookie);
    if (token.empty())
        return std::nullopt;
    auto found = sessions_.find(token);
    if (!found || found->channel != kChannel)
        return std::nullopt;
    return found;
}

bool AnalystAccess::allowed(const Exchange& exchange) const {
    return has_bearer_token(exchange) || session(exchange).has_value();
}

std::optional<std::string> AnalystAccess::log_in(const std::string& token) const {
    if (!is_analyst_token(token))
        return std::nullopt;
    const auto opened = sessions_.open("analyst", kChannel);
    return cookie(opened.token, sessions_.idle_expiry().count());
}

std::string AnalystAccess::log_out(const Exchange& exchange) const {
    const std::string token = cookie_value(exchange, analyst_cookie);
    if (!token.empty())
        sessions_.close(token);
    return cookie("", 0);
}

}  // namespace ehall::analytics
