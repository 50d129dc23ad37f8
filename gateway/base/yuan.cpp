#include "gateway/base/yuan.hpp"

#include <cstdio>
#include <vector>

namespace ehall {

namespace {

constexpr std::int64_t max_yuan = 100'000'000;

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

}  // namespace

std::optional<std::int64_t> parse_yuan(std::string_view text) {
    const auto dot = text.find('.');
    const std::string_view whole = text.substr(0, dot);
    const std::string_view fraction =
        dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
    if (whole.empty() || whole.size() > 9 || fraction.size() > 2)
        return std::nullopt;
    if (dot != std::string_view::npos && fraction.empty())
        return std::nullopt;  // "50." is a typo more likely than an amount
    std::int64_t fen = 0;
    for (char c : whole) {
        if (!is_digit(c))
            return std::nullopt;
        fen = fen * 10 + (c - '0');
    }
    if (fen > max_yuan)
        return std::nullopt;
    std::int64_t cents = 0;
    for (std::size_t i = 0; i < 2; ++i) {
        char c = i < fraction.size() ? fraction[i] : '0';
        if (!is_digit(c))
            return std::nullopt;
        cents = cents * 10 + (c - '0');
    }
    return fen * 100 + cents;
}

std::string format_yuan(std::int64_t fen) {
    const bool negative = fen < 0;
    const std::uint64_t magnitude =
        negative ? 0 - static_cast<std::uint64_t>(fen) : static_cast<std::uint64_t>(fen);
    char out[32];
    std::snprintf(out, sizeof out, "%s%llu.%02llu", negative ? "-" : "",
                  static_cast<unsigned long long>(magnitude / 100),
                  static_cast<unsigned long long>(magnitude % 100));
    return out;
}

void add_yuan_fields(nlohmann::json& data) {
    if (data.is_array()) {
        for (auto& item : data)
            add_yuan_fields(item);
        return;
    }
    if (!data.is_object())
        return;
    std::vector<std::pair<std::string, std::int64_t>> amounts;
    for (auto& [key, value] : data.items()) {
        if (value.is_number_integer() && key.size() > 4 && key.ends_with("_fen"))
            amounts.emplace_back(key.substr(0, key.size() - 4), value.get<std::int64_t>());
        else if (value.is_structured())
            add_yuan_fields(value);
    }
    for (const auto& [name, fen] : amounts) {
        data[name + "_yuan"] = format_yuan(fen);
        data[name + "_positive"] = fen > 0;
    }
}

}  // namespace ehall
