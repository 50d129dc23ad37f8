#include "family_number.hpp"

#include <algorithm>

namespace ehall::family {

namespace {

bool all_digits(std::string_view text) {
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// 1[3-9] and nine more digits: every operator's mobile numbers.
bool is_mobile(std::string_view number) {
    return number.size() == 11 && number[0] == '1' && number[1] >= '3';
}

// The area code, then a 7- or 8-digit local number (which never starts with the 0 that
// begins an area code).
bool is_local_fixed_line(std::string_view number, std::string_view home_area) {
    if (home_area.empty() || !number.starts_with(home_area))
        return false;
    const std::string_view local = number.substr(home_area.size());
    return (local.size() == 7 || local.size() == 8) && local[0] != '0';
}

}  // namespace

std::optional<std::string> family_number_problem(std::string_view number,
                                                 std::string_view own_msisdn,
                                                 std::string_view home_area) {
    if (!all_digits(number))
        return "a family number has digits only";
    if (number == own_msisdn)
        return "your own number cannot be one of your family numbers";
    if (is_mobile(number) || is_local_fixed_line(number, home_area))
        return std::nullopt;
    if (number.starts_with("1"))
        return "a mobile number has 11 digits and starts with 13 to 19";
    return "a family number is a mobile number or a fixed line with your area code " +
           std::string(home_area) + " (e.g. " + std::string(home_area) + "12345678)";
}

}  // namespace ehall::family
