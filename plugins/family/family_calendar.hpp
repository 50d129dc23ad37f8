// Calendar days and months in Asia/Shanghai, the way the package counts them.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

#include <ehall/clock.hpp>

namespace ehall::family {

// "2026-04-17" for a UTC instant.
inline std::string shanghai_date(std::int64_t utc_ms) {
    return shanghai_datetime(utc_ms).substr(0, 10);
}

// The last day of the Shanghai month holding `utc_ms`: when a cancelled package ends.
inline std::string last_day_of_month(std::int64_t utc_ms) {
    const std::string month = shanghai_month(utc_ms);
    const std::chrono::year_month_day_last last{
        std::chrono::year{std::stoi(month.substr(0, 4))},
        std::chrono::month_day_last{
            std::chrono::month{static_cast<unsigned>(std::stoi(month.substr(5, 2)))}}};
    char out[16];
    std::snprintf(out, sizeof out, "%s-%02u", month.c_str(), unsigned(last.day()));
    return out;
}

}  // namespace ehall::family
