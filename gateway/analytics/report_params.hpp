// A report's parameters as text (CLI options or an HTTP query), checked once here so the
// CLI and the analyst pages accept and refuse exactly the same input.
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "gateway/analytics/month.hpp"

namespace ehall::analytics {

// A missing or malformed parameter; the message names it.
class ReportInputError : public std::invalid_argument {
  public:
    using std::invalid_argument::invalid_argument;
};

using ReportParams = std::map<std::string, std::string>;

std::string business_param(const ReportParams& params, const std::string& name);
std::string channel_param(const ReportParams& params, const std::string& name);
Month month_param(const ReportParams& params, const std::string& name);
std::vector<Month> months_param(const ReportParams& params, const std::string& name);
// A switch: true for "1" or "true", false when absent or "0" or "false".
bool flag_param(const ReportParams& params, const std::string& name);
// An integer in [low, high]; `fallback` when absent.
int int_param(const ReportParams& params, const std::string& name, int low, int high, int fallback);

}  // namespace ehall::analytics
