#include "gateway/analytics/usage_counts.hpp"

#include <algorithm>
#include <cstdio>

#include "gateway/analytics/month.hpp"
#include "gateway/analytics/vocabulary.hpp"
#include "gateway/journal/journal_schema.hpp"

namespace ehall::analytics {

namespace {

// 32 MiB of keys per sorted run.
constexpr std::size_t kRunKeys = std::size_t{1} << 22;

// Key layout, high to low bits: months since 1970-01 (17), business (3), msisdn (37, as
// 11 digits < 2^37), channel (4); so sorted keys follow the table's primary key.
constexpr int kChannelBits = 4, kMsisdnBits = 37, kBusinessBits = 3;
constexpr int kMsisdnShift = kChannelBits;
constexpr int kBusinessShift = kMsisdnShift + kMsisdnBits;
constexpr int kMonthShift = kBusinessShift + kBusinessBits;
static_assert(channels.size() <= (1u << kChannelBits));
static_assert(businesses.size() <= (1u << kBusinessBits));

std::uint64_t field(std::uint64_t key, int shift, int bits) {
    return (key >> shift) & ((std::uint64_t{1} << bits) - 1);
}

}  // namespace

UsageCounts::UsageCounts(SqliteFile& db)
    : upsert_(
          db.prepare("INSERT INTO monthly_usage (month, business, msisdn, channel, n) "
                     "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO UPDATE SET n = n + excluded.n")) {
    keys_.reserve(kRunKeys);
}

void UsageCounts::add(std::int64_t ts_ms, std::size_t business, std::uint64_t msisdn,
                      std::size_t channel) {
    if (ts_ms < 0 || ts_ms > monthly_usage_last_ms)
        return;  // as the table's triggers: no month a report can name
    const Month month = Month::containing(ts_ms);
    const auto months = static_cast<std::uint64_t>((month.year() - 1970) * 12) + month.month() - 1;
    keys_.push_back(months << kMonthShift | std::uint64_t{business} << kBusinessShift |
                    msisdn << kMsisdnShift | channel);
    if (keys_.size() == kRunKeys)
        flush();
}

void UsageCounts::flush() {
    std::sort(keys_.begin(), keys_.end());
    char msisdn[24];
    for (auto at = keys_.begin(); at != keys_.end();) {
        const std::uint64_t key = *at;
        const auto run_end = std::find_if(at, keys_.end(), [key](auto k) { return k != key; });
        const auto months = static_cast<std::int64_t>(key >> kMonthShift);
        const int digits =
            std::snprintf(msisdn, sizeof msisdn, "%011llu",
                          static_cast<unsigned long long>(field(key, kMsisdnShift, kMsisdnBits)));
        upsert_.bind(1, (1970 + months / 12) * 100 + months % 12 + 1)
            .bind(2, businesses[field(key, kBusinessShift, kBusinessBits)])
            .bind(3, std::string_view(msisdn, static_cast<std::size_t>(digits)))
            .bind(4, channels[field(key, 0, kChannelBits)])
            .bind(5, static_cast<std::int64_t>(run_end - at));
        upsert_.run();
        at = run_end;
    }
    keys_.clear();
}

}  // namespace ehall::analytics
