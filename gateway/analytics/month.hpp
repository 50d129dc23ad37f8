// Calendar months in Asia/Shanghai (DESIGN §6a) and their bounds as UTC epoch milliseconds,
// which is how the journal stores time.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ehall::analytics {

class Month {
  public:
    // "YYYY-MM" (year 1970..9999), or nothing.
    static std::optional<Month> parse(std::string_view text);
    // The Shanghai month the instant falls in.
    static Month containing(std::int64_t utc_ms);

    std::int64_t start_ms() const;  // first instant, UTC ms
    std::int64_t end_ms() const;    // first instant of the next month
    Month next() const;
    Month previous() const;
    std::string text() const;  // "YYYY-MM"
    // YYYYMM, the month column of the journal's monthly_usage table.
    int key() const { return year_ * 100 + static_cast<int>(month_); }
    int year() const { return year_; }
    unsigned month() const { return month_; }

    friend bool operator==(const Month&, const Month&) = default;

  private:
    Month(int year, unsigned month) : year_(year), month_(month) {}
    int year_;
    unsigned month_;
};

// "2026-04,2026-05" -> months, in the order given; nothing when any is malformed or the
// list is empty.
std::optional<std::vector<Month>> parse_month_list(std::string_view text);

}  // namespace ehall::analytics
