// The journal's summary file, next to it (var/journal.db -> var/journal-summary.db): what the
// reports and the customer's "My records" look up by customer. `customer_interactions` has
// one entry (msisdn, ts_ms, id) per journal row with a customer; `monthly_usage` counts the ok
// rows per Shanghai month, business, customer and channel. Neither is kept up to date row by
// row: a pass adds every journal row written since the last one, in key order, in one
// transaction of the summary file, with the mark of the last row it covers (`merged_to`), so
// the journal's writer only appends and each summary page is written once per pass however
// the customers come. A crash loses no count: the next pass starts from the mark. The file can
// be deleted while no process has it open; the next pass rebuilds it from the journal.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;

namespace ehall {

// The last instant `monthly_usage` counts, 9999-12-31 23:59:59.999 in Shanghai (report months
// end with year 9999); it counts none before 1970.
inline constexpr std::int64_t monthly_usage_last_ms = 253402271999999;

// The business types `monthly_usage` counts (DESIGN §4); rows with others are not counted.
inline constexpr std::array<std::string_view, 8> monthly_usage_businesses = {
    "payment",        "topup",         "bill_query",   "balance_query",
    "package_change", "points_redeem", "offer_accept", "other"};

// Whether `monthly_usage` counts an ok row of `business`.
bool monthly_usage_counts(std::string_view business);

// The Shanghai month (YYYYMM) `monthly_usage` counts an ok row at `ts_ms` in; none outside
// 1970-01-01 Shanghai .. monthly_usage_last_ms.
std::optional<int> monthly_usage_month(std::int64_t ts_ms);

std::filesystem::path journal_summary_path(const std::filesystem::path& journal_db);

// Attaches the summary file of `journal_db` as `summary` to `db`, a connection to that journal,
// so that `customer_interactions`, `monthly_usage` and `summary_state` (`merged_to`) resolve
// there. With `writable` it creates the file and its tables when missing and registers what a
// pass needs. Returns an SQLite result code (the error is in sqlite3_errmsg).
int attach_journal_summary(sqlite3* db, const std::filesystem::path& journal_db, bool writable);

struct SummaryPasses {
    // 0: one pass for all. Otherwise passes copy at most this many rows each from the journal
    // and merge what they copied once rows_per_merge rows are waiting or the copies have
    // caught up.
    std::int64_t rows_per_copy = 0;
    std::int64_t rows_per_merge = 0;
    // Held while a pass copies, if set (WalCheckpointer::Options::long_reads).
    std::mutex* copy_lock = nullptr;
    // While it is true a merge sleeps 3 ms after each 1 ms of work, at a quarter of its speed
    // so that the summary still moves: on 2 cores a merge slowed the journal's writer (shared
    // CPU and caches) enough to add 50-100 ms to its lag at 200k records/s. Copies do not
    // slow down, as the journal's RESTART checkpoints wait for them.
    const std::atomic<bool>* slow_down = nullptr;
};

// Brings the attached summary up to date with the journal until it covers every row written
// before the call, in `passes`. Waits for another process's pass (busy timeout). Returns
// SQLite's error, with the failed pass rolled back.
std::optional<std::string> update_journal_summary(sqlite3* db, const SummaryPasses& passes = {});

}  // namespace ehall
