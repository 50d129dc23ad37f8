// Field checks shared by the CSV imports; each returns why a value is bad, "" when it is fine.
#pragma once

#include <string>
#include <string_view>

namespace ehall::analytics {

// "<column> '<value>' <problem>", with the value cut to a readable length.
std::string bad_field(std::string_view column, std::string_view value, std::string_view problem);

std::string check_msisdn(std::string_view value);
// 1 to 64 ASCII letters, digits, '_', '-' and '.': a segment tag or a hall id, which end up
// in reports, CSV files and pages and so may carry nothing else.
bool is_plain_name(std::string_view value);

}  // namespace ehall::analytics
