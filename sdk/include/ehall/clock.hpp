// Time: UTC epoch milliseconds inside, Asia/Shanghai (UTC+8, no daylight saving since
// 1991) for people. Header-only: plugin modules use it without linking the host.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

namespace ehall {

namespace clock_detail {
inline constexpr std::int64_t shanghai_offset_ms = 8LL * 3600 * 1000;

inline std::chrono::sys_time<std::chrono::milliseconds> shanghai_wall(std::int64_t utc_ms) {
    return std::chrono::sys_time<std::chrono::milliseconds>(
        std::chrono::milliseconds(utc_ms + shanghai_offset_ms));
}
}  // namespace clock_detail

inline std::int64_t now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

inline std::string shanghai_datetime(std::int64_t utc_ms) {
    auto wall = clock_detail::shanghai_wall(utc_ms);
    auto day = std::chrono::floor<std::chrono::days>(wall);
    std::chrono::year_month_day ymd{day};
    std::chrono::hh_mm_ss hms{std::chrono::floor<std::chrono::seconds>(wall - day)};
    char out[64];
    std::snprintf(out, sizeof out, "%04d-%02u-%02u %02ld:%02ld:%02lld", int(ymd.year()),
                  unsigned(ymd.month()), unsigned(ymd.day()), long(hms.hours().count()),
                  long(hms.minutes().count()), static_cast<long long>(hms.seconds().count()));
    return out;
}

// 00:00 Asia/Shanghai of the day holding `utc_ms`, as UTC epoch milliseconds.
inline std::int64_t shanghai_day_start_ms(std::int64_t utc_ms) {
    constexpr std::int64_t day_ms = 24LL * 3600 * 1000;
    return (utc_ms + clock_detail::shanghai_offset_ms) / day_ms * day_ms -
           clock_detail::shanghai_offset_ms;
}

// "2026-11-23": the Asia/Shanghai calendar day.
inline std::string shanghai_date(std::int64_t utc_ms) {
    return shanghai_datetime(utc_ms).substr(0, 10);
}

inline std::string shanghai_month(std::int64_t utc_ms) {
    return shanghai_datetime(utc_ms).substr(0, 7);
}

// 00:00 Asia/Shanghai on the first day of `month` ("2026-11"), as UTC epoch milliseconds.
inline std::int64_t shanghai_month_start_ms(const std::string& month) {
    using namespace std::chrono;
    const year_month_day first{
        year{std::stoi(month.substr(0, 4))},
        std::chrono::month{static_cast<unsigned>(std::stoi(month.substr(5, 2)))}, day{1}};
    return duration_cast<milliseconds>(sys_days{first}.time_since_epoch()).count() -
           clock_detail::shanghai_offset_ms;
}

inline std::string previous_month(const std::string& month) {
    int year = std::stoi(month.substr(0, 4));
    int mon = std::stoi(month.substr(5, 2)) - 1;
    if (mon == 0) {
        mon = 12;
        --year;
    }
    char out[32];
    std::snprintf(out, sizeof out, "%04d-%02d", year, mon);
    return out;
}

inline std::string next_month(const std::string& month) {
    int year = std::stoi(month.substr(0, 4));
    int mon = std::stoi(month.substr(5, 2)) + 1;
    if (mon == 13) {
        mon = 1;
        ++year;
    }
    char out[32];
    std::snprintf(out, sizeof out, "%04d-%02d", year, mon);
    return out;
}

}  // namespace ehall
