// What a screen, receipt or page may show of a customer: the first character of the name
// and the number's first three and last four digits, so a bystander learns little.
#pragma once

#include <string>
#include <string_view>

namespace ehall {

// "张三" -> "张*", "欧阳娜娜" -> "欧***": the first character (UTF-8), then one star per
// further character, and at least one star so a one-character name is never shown whole.
std::string mask_name(std::string_view name);

// "13800138000" -> "138****8000". Anything else of 8 or more characters keeps its first
// three and last four; shorter input becomes all stars.
std::string mask_msisdn(std::string_view msisdn);

}  // namespace ehall
