// Which numbers may be family numbers (DESIGN §8): any operator's mobile, or a fixed line in
// the customer's own home area; never the customer's own number.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ehall::family {

// Why `number` cannot be a family number of `own_msisdn` (home area code `home_area`, e.g.
// "0755"), or nullopt when it can.
std::optional<std::string> family_number_problem(std::string_view number,
                                                 std::string_view own_msisdn,
                                                 std::string_view home_area);

}  // namespace ehall::family
