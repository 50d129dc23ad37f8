#include "gateway/customer_masking.hpp"

#include <algorithm>

namespace ehall {

namespace {

bool continuation_byte(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

}  // namespace

std::string mask_name(std::string_view name) {
    if (name.empty())
        return {};
    std::size_t first = 1;
    while (first < name.size() && continuation_byte(name[first]))
        ++first;
    const auto rest = static_cast<std::size_t>(
        std::count_if(name.begin() + static_cast<std::ptrdiff_t>(first), name.end(),
                      [](char c) { return !continuation_byte(c); }));
    std::string masked(name.substr(0, first));
    masked.append(std::max<std::size_t>(rest, 1), '*');
    return masked;
}

std::string mask_msisdn(std::string_view msisdn) {
    if (msisdn.size() < 8)
        return std::string(msisdn.size(), '*');
    std::string masked(msisdn.substr(0, 3));
    masked.append(msisdn.size() - 7, '*');
    masked.append(msisdn.substr(msisdn.size() - 4));
    return masked;
}

}  // namespace ehall
