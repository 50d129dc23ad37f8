#include "gateway/analytics/usage_counts.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "gateway/analytics/month.hpp"
#include "gateway/analytics/vocabulary.hpp"
#include "gateway/journal/journal_schema.hpp"

namespace ehall::analytics {

namespace {

// Summary rows per upsert statement: one statement execution per batch rather than per row.
constexpr std::size_t kBatchRows = 128;

// Key layout, high to low bits: months since 1970-01 (17), business (3), msisdn (37, as
// 11 digits < 2^37), channel (4); so sorted keys follow the table's primary key.
constexpr int kChannelBits = 4, kMsisdnBits = 37, kBusinessBits = 3;
constexpr int kMsisdnShift = kChannelBits;
constexpr int kBusinessShift = kMsisdnShift + kMsisdnBits;
constexpr int kMonthShift = kBusinessShift + kBusinessBits;
constexpr std::size_t kMsisdnDigits = 11;
static_assert(channels.size() <= (1u << kChannelBits));
static_assert(businesses.size() <= (1u << kBusinessBits));

std::uint64_t field(std::uint64_t key, int shift, int bits) {
    return (key >> shift) & ((std::uint64_t{1} << bits) - 1);
}

// Business and channel go into a key as their place in the alphabet, so that sorted keys
// follow the table's text key and the table is written front to back.
template <std::size_t N>
constexpr std::array<std::string_view, N> alphabetical(std::array<std::string_view, N> names) {
    std::sort(names.begin(), names.end());
    return names;
}
template <std::size_t N>
constexpr std::array<std::uint64_t, N> alphabetical_ranks(
    const std::array<std::string_view, N>& names) {
    std::array<std::uint64_t, N> rank{};
    for (std::size_t i = 0; i < N; ++i)
        rank[i] = index_of(alphabetical(names), names[i]);
    return rank;
}
constexpr auto businesses_by_rank = alphabetical(businesses);
constexpr auto channels_by_rank = alphabetical(channels);
constexpr auto business_rank = alphabetical_ranks(businesses);
constexpr auto channel_rank = alphabetical_ranks(channels);

std::string upsert_sql(std::size_t rows) {
    std::string sql = "INSERT INTO monthly_usage (month, business, msisdn, channel, n) VALUES ";
    for (std::size_t i = 0; i < rows; ++i)
        sql.append(i ? ", " : "").append("(?, ?, ?, ?, ?)");
    return sql.append(" ON CONFLICT DO UPDATE SET n = n + excluded.n");
}

}  // namespace

UsageCounts::UsageCounts(SqliteFile& db, std::size_t run_keys)
    : batch_upsert_(db.prepare(upsert_sql(kBatchRows))),
      one_upsert_(db.prepare(upsert_sql(1))),
      run_keys_(run_keys) {
    run_.reserve(run_keys_);
}

void UsageCounts::add(std::int64_t ts_ms, std::size_t business, std::uint64_t msisdn,
                      std::size_t channel) {
    if (ts_ms < 0 || ts_ms > monthly_usage_last_ms)
        return;  // as the table's triggers: no month a report can name
    const Month month = Month::containing(ts_ms);
    const auto months = static_cast<std::uint64_t>((month.year() - 1970) * 12) + month.month() - 1;
    run_.push_back(months << kMonthShift | business_rank[business] << kBusinessShift |
                   msisdn << kMsisdnShift | channel_rank[channel]);
    if (run_.size() == run_keys_)
        merge_run();
}

// Merges the sorted run into keys_ and counts_. A count cannot overflow: 2^32 events of one
// customer would make a file of some 200 GB.
void UsageCounts::merge_run() {
    std::sort(run_.begin(), run_.end());
    std::vector<std::uint64_t> keys;
    std::vector<std::uint32_t> counts;
    keys.reserve(keys_.size() + run_.size());
    counts.reserve(keys_.size() + run_.size());
    std::size_t old = 0;
    for (auto at = run_.begin(); at != run_.end();) {
        const std::uint64_t key = *at;
        const auto run_end = std::find_if(at, run_.end(), [key](auto k) { return k != key; });
        for (; old < keys_.size() && keys_[old] < key; ++old) {
            keys.push_back(keys_[old]);
            counts.push_back(counts_[old]);
        }
        auto count = static_cast<std::uint32_t>(run_end - at);
        if (old < keys_.size() && keys_[old] == key)
            count += counts_[old++];
        keys.push_back(key);
        counts.push_back(count);
        at = run_end;
    }
    keys.insert(keys.end(), keys_.begin() + static_cast<std::ptrdiff_t>(old), keys_.end());
    counts.insert(counts.end(), counts_.begin() + static_cast<std::ptrdiff_t>(old), counts_.end());
    keys_.swap(keys);
    counts_.swap(counts);
    run_.clear();
}

void UsageCounts::flush() {
    merge_run();
    std::size_t at = 0;
    for (; at + kBatchRows <= keys_.size(); at += kBatchRows)
        write(batch_upsert_, at, kBatchRows);
    for (; at < keys_.size(); ++at)
        write(one_upsert_, at, 1);
    keys_ = {};
    counts_ = {};
}

void UsageCounts::write(Statement& upsert, std::size_t from, std::size_t rows) {
    std::array<std::array<char, kMsisdnDigits>, kBatchRows> msisdns;  // bound until run()
    for (std::size_t i = 0; i < rows; ++i) {
        const std::uint64_t key = keys_[from + i];
        std::uint64_t msisdn = field(key, kMsisdnShift, kMsisdnBits);
        for (std::size_t d = kMsisdnDigits; d-- > 0; msisdn /= 10)
            msisdns[i][d] = static_cast<char>('0' + msisdn % 10);
        const auto months = static_cast<std::int64_t>(key >> kMonthShift);
        const int at = static_cast<int>(i) * 5 + 1;
        upsert.bind(at, (1970 + months / 12) * 100 + months % 12 + 1)
            .bind(at + 1, businesses_by_rank[field(key, kBusinessShift, kBusinessBits)])
            .bind(at + 2, std::string_view(msisdns[i].data(), kMsisdnDigits))
            .bind(at + 3, channels_by_rank[field(key, 0, kChannelBits)])
            .bind(at + 4, std::int64_t{counts_[from + i]});
    }
    upsert.run();
}

}  // namespace ehall::analytics
