// Field checks shared by the CSV imports; each returns why a value is bad, "" when it is fine.
#pragma once

#include <string>
#include <string_view>

namespace ehall::analytics {

// "<column> '<value>' <problem>", with the value cut to a readable length.
std::string bad_field(std::string_view column, std::string_view value, std::string_view problem);

std::string check_msisdn(std::string_view value);

}  // namespace ehall::analytics
