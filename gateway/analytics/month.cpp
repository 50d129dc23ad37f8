#include "gateway/analytics/month.hpp"

#include <chrono>
#include <cstdio>

#include <ehall/clock.hpp>

namespace ehall::analytics {

namespace {

bool two_digits(std::string_view s, std::size_t at) {
    return s[at] >= '0' && s[at] <= '9' && s[at + 1] >= '0' && s[at + 1] <= '9';
}

}  // namespace

std::optional<Month> Month::parse(std::string_view text) {
    if (text.size() != 7 || text[4] != '-' || !two_digits(text, 0) || !two_digits(text, 2) ||
        !two_digits(text, 5))
        return std::nullopt;
    const int year =
        (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
    const unsigned month = static_cast<unsigned>((text[5] - '0') * 10 + (text[6] - '0'));
    if (year < 1970 || month < 1 || month > 12)
        return std::nullopt;
    return Month(year, month);
}

Month Month::containing(std::int64_t utc_ms) {
    const auto wall = clock_detail::shanghai_wall(utc_ms);
    const std::chrono::year_month_day ymd{std::chrono::floor<std::chrono::days>(wall)};
    return Month(int(ymd.year()), unsigned(ymd.month()));
}

std::int64_t Month::start_ms() const {
    const std::chrono::sys_days day{std::chrono::year(year_) / std::chrono::month(month_) / 1};
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(day.time_since_epoch());
    return ms.count() - clock_detail::shanghai_offset_ms;
}

std::int64_t Month::end_ms() const {
    return next().start_ms();
}

Month Month::next() const {
    return month_ == 12 ? Month(year_ + 1, 1) : Month(year_, month_ + 1);
}

Month Month::previous() const {
    return month_ == 1 ? Month(year_ - 1, 12) : Month(year_, month_ - 1);
}

std::string Month::text() const {
    char out[16];
    std::snprintf(out, sizeof out, "%04d-%02u", year_, month_);
    return out;
}

std::optional<std::vector<Month>> parse_month_list(std::string_view text) {
    std::vector<Month> months;
    while (!text.empty()) {
        const std::size_t comma = text.find(',');
        auto month = Month::parse(text.substr(0, comma));
        if (!month)
            return std::nullopt;
        months.push_back(*month);
        if (comma == std::string_view::npos)
            break;
        text.remove_prefix(comma + 1);
        if (text.empty())
            return std::nullopt;
    }
    if (months.empty())
        return std::nullopt;
    return months;
}

}  // namespace ehall::analytics
