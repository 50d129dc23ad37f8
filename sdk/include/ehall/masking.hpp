// What a screen, receipt or page may show of a customer: the first character of the name
// and the number's first three and last four digits, so a bystander learns little.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>

namespace ehall {

namespace masking_detail {
inline bool continuation_byte(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}
}  // namespace masking_detail

// "张三" -> "张*", "欧阳娜娜" -> "欧***": the first character (UTF-8), then one star per
// further character, and at least one star so a one-character name is never shown whole.
inline std::string mask_name(std::string_view name) {
    if (name.empty())
        return {};
    std::size_t first = 1;
    while (first < name.size() && masking_detail::continuation_byte(name[first]))
        ++first;
    const auto rest = static_cast<std::size_t>(
        std::count_if(name.begin() + static_cast<std::ptrdiff_t>(first), name.end(),
                      [](char c) { return !masking_detail::continuation_byte(c); }));
    std::string masked(name.substr(0, first));
    masked.append(std::max<std::size_t>(rest, 1), '*');
    return masked;
}

// "13800138000" -> "138****8000". Anything else of 8 or more characters keeps its first
// three and last four; shorter input becomes all stars.
inline std::string mask_msisdn(std::string_view msisdn) {
    if (msisdn.size() < 8)
        return std::string(msisdn.size(), '*');
    std::string masked(msisdn.substr(0, 3));
    masked.append(msisdn.size() - 7, '*');
    masked.append(msisdn.substr(msisdn.size() - 4));
    return masked;
}

}  // namespace ehall
