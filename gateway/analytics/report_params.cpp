#include "gateway/analytics/report_params.hpp"

#include <charconv>

#include "gateway/analytics/vocabulary.hpp"

namespace ehall::analytics {

namespace {

std::string flag(const std::string& name) {
    return std::string("--").append(name);
}

const std::string& required(const ReportParams& params, const std::string& name) {
    auto it = params.find(name);
    if (it == params.end() || it->second.empty())
        throw ReportInputError(flag(name) + " is required");
    return it->second;
}

}  // namespace

std::string business_param(const ReportParams& params, const std::string& name) {
    const std::string& value = required(params, name);
    if (!is_one_of(businesses, value))
        throw ReportInputError(flag(name) + " '" + value + "' is not one of " +
                               listing(businesses));
    return value;
}

std::string channel_param(const ReportParams& params, const std::string& name) {
    const std::string& value = required(params, name);
    if (!is_one_of(channels, value))
        throw ReportInputError(flag(name) + " '" + value + "' is not one of " + listing(channels));
    return value;
}

Month month_param(const ReportParams& params, const std::string& name) {
    const std::string& value = required(params, name);
    auto month = Month::parse(value);
    if (!month)
        throw ReportInputError(flag(name) + " '" + value + "' is not a month YYYY-MM");
    return *month;
}

std::vector<Month> months_param(const ReportParams& params, const std::string& name) {
    const std::string& value = required(params, name);
    auto months = parse_month_list(value);
    if (!months || months->size() > 120)
        throw ReportInputError(flag(name) + " '" + value +
                               "' is not a list of 1 to 120 months YYYY-MM,YYYY-MM,...");
    return *months;
}

bool flag_param(const ReportParams& params, const std::string& name) {
    const auto it = params.find(name);
    if (it == params.end() || it->second == "0" || it->second == "false")
        return false;
    if (it->second == "1" || it->second == "true")
        return true;
    throw ReportInputError(flag(name) + " '" + it->second + "' must be 1, true, 0 or false");
}

int int_param(const ReportParams& params, const std::string& name, int low, int high,
              int fallback) {
    auto it = params.find(name);
    if (it == params.end() || it->second.empty())
        return fallback;
    const std::string& text = it->second;
    int value = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || ptr != text.data() + text.size() || value < low || value > high)
        throw ReportInputError(flag(name) + " '" + text + "' must be a whole number from " +
                               std::to_string(low) + " to " + std::to_string(high));
    return value;
}

}  // namespace ehall::analytics
