// The journal file's schema (DESIGN §5): the `interactions` table, its indexes and the
// `monthly_usage` summary the reports read. Every statement is idempotent, so running it on
// each open also migrates older files.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

struct sqlite3;

namespace ehall {

// The last instant `monthly_usage` counts, 9999-12-31 23:59:59.999 in Shanghai (SQLite's date
// functions end with year 9999, and so do report months); it counts none before 1970.
inline constexpr std::int64_t monthly_usage_last_ms = 253402271999999;

// The business types `monthly_usage` counts (DESIGN §4); rows with others are not counted.
inline constexpr std::array<std::string_view, 8> monthly_usage_businesses = {
    "payment",        "topup",         "bill_query",   "balance_query",
    "package_change", "points_redeem", "offer_accept", "other"};

// Sets the pragmas and creates what is missing: the table and its indexes (writing nothing
// when they exist), and, the first time only, the summary and its triggers, counting the rows
// already there. Returns an SQLite result code (the error is in sqlite3_errmsg).
int apply_journal_schema(sqlite3* db);

// The secondary indexes alone, and dropping them: a bulk import into a small table drops
// them and builds them again in the same transaction, which is faster than updating two
// B-trees at random places for every row.
const char* journal_indexes_sql();
const char* drop_journal_indexes_sql();

// The triggers that count every inserted or deleted ok row in `monthly_usage`, and dropping
// them: a bulk import counts its rows itself, in key order, in the same transaction.
const char* monthly_usage_triggers_sql();
const char* drop_monthly_usage_triggers_sql();

}  // namespace ehall
