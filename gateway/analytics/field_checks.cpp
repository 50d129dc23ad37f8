#include "gateway/analytics/field_checks.hpp"

#include "gateway/dispatch/param_validation.hpp"

namespace ehall::analytics {

std::string bad_field(std::string_view column, std::string_view value, std::string_view problem) {
    constexpr std::size_t shown = 40;
    std::string reason(column);
    reason.append(" '").append(value.substr(0, shown));
    reason.append(value.size() > shown ? "...' " : "' ").append(problem);
    return reason;
}

std::string check_msisdn(std::string_view value) {
    return is_mobile_number(value) ? std::string()
                                   : bad_field("msisdn", value, "is not an 11-digit mobile number");
}

bool is_plain_name(std::string_view value) {
    if (value.empty() || value.size() > 64)
        return false;
    for (char c : value) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                           (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
        if (!plain)
            return false;
    }
    return true;
}

}  // namespace ehall::analytics
