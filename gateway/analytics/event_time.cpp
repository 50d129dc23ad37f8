#include "gateway/analytics/event_time.hpp"

#include <chrono>

namespace ehall::analytics {

namespace {

// Reads `count` digits at `at`; -1 when any is not a digit.
int digits(std::string_view s, std::size_t at, std::size_t count) {
    if (at + count > s.size())
        return -1;
    int value = 0;
    for (std::size_t i = at; i < at + count; ++i) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        value = value * 10 + (s[i] - '0');
    }
    return value;
}

std::optional<std::chrono::sys_days> parse_date(std::string_view s) {
    if (s.size() < 10 || s[4] != '-' || s[7] != '-')
        return std::nullopt;
    const int year = digits(s, 0, 4), month = digits(s, 5, 2), day = digits(s, 8, 2);
    // Any year: a local date in 1969 can be after the epoch in UTC (1969-12-31T23:00:00-05:00),
    // and a time before it is refused by its callers as such, not as a malformed one.
    if (year < 0 || month < 0 || day < 0)
        return std::nullopt;
    const std::chrono::year_month_day ymd{std::chrono::year(year),
                                          std::chrono::month(unsigned(month)),
                                          std::chrono::day(unsigned(day))};
    if (!ymd.ok())
        return std::nullopt;
    return std::chrono::sys_days(ymd);
}

std::optional<std::int64_t> parse_epoch_ms(std::string_view s) {
    if (s.empty() || s.size() > 15)  // up to year 33658, no overflow
        return std::nullopt;
    std::int64_t value = 0;
    for (char c : s) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

}  // namespace

bool is_calendar_date(std::string_view text) {
    return text.size() == 10 && parse_date(text).has_value();
}

std::optional<std::int64_t> parse_event_time(std::string_view s) {
    if (s.size() < 20 || s[10] != 'T')
        return parse_epoch_ms(s);
    const auto day = parse_date(s.substr(0, 10));
    const int hour = digits(s, 11, 2), minute = digits(s, 14, 2), second = digits(s, 17, 2);
    if (!day || s[13] != ':' || s[16] != ':' || hour < 0 || hour > 23 || minute < 0 ||
        minute > 59 || second < 0 || second > 59)
        return std::nullopt;
    std::size_t at = 19;
    std::int64_t millis = 0;
    if (s[at] == '.') {  // a fraction: keep milliseconds, ignore finer digits
        std::size_t i = at + 1;
        int scale = 100;
        for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i, scale /= 10)
            millis += scale > 0 ? (s[i] - '0') * scale : 0;
        if (i == at + 1)
            return std::nullopt;
        at = i;
    }
    std::int64_t offset_minutes = 0;
    const std::string_view zone = s.substr(at);
    if (zone != "Z") {
        const int oh = digits(zone, 1, 2), om = digits(zone, 4, 2);
        if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':' || oh < 0 ||
            oh > 14 || om < 0 || om > 59)
            return std::nullopt;
        offset_minutes = (zone[0] == '-' ? -1 : 1) * (oh * 60 + om);
    }
    const std::int64_t days = day->time_since_epoch().count();
    const std::int64_t local_seconds = days * 86400 + hour * 3600 + minute * 60 + second;
    return (local_seconds - offset_minutes * 60) * 1000 + millis;
}

}  // namespace ehall::analytics
