// The analytics vocabulary of DESIGN §4 and §6a: channels (the gateway's own and the
// imported ones), business types and outcomes.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "gateway/journal/journal_summary.hpp"

namespace ehall::analytics {

inline constexpr std::array<std::string_view, 10> channels = {
    "hall", "partner_hall", "hotline", "web", "sms", "kiosk", "wap", "mobile_pay", "bank", "other"};
// The electronic channels whose share of all transactions is tracked (target 85%).
inline constexpr std::array<std::string_view, 5> echannels = {"web", "sms", "kiosk", "wap",
                                                              "mobile_pay"};
// The business types (DESIGN §4): the journal's own list, the one its summary counts.
inline constexpr const auto& businesses = monthly_usage_businesses;
inline constexpr std::array<std::string_view, 4> outcomes = {"ok", "declined", "error", "rejected"};

// Where `value` is in `set`, or N when it is not there.
template <std::size_t N>
constexpr std::size_t index_of(const std::array<std::string_view, N>& set, std::string_view value) {
    for (std::size_t i = 0; i < N; ++i) {
        if (set[i] == value)
            return i;
    }
    return N;
}

template <std::size_t N>
constexpr bool is_one_of(const std::array<std::string_view, N>& set, std::string_view value) {
    return index_of(set, value) < N;
}

// "a, b, c" for messages.
template <std::size_t N>
std::string listing(const std::array<std::string_view, N>& set) {
    std::string out;
    for (std::string_view item : set)
        out.append(out.empty() ? "" : ", ").append(item);
    return out;
}

}  // namespace ehall::analytics
