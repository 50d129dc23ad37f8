// The journal file's schema (DESIGN §5): the `interactions` table, its indexes and the
// `monthly_usage` summary the reports read. Every statement is idempotent, so running it on
// each open also migrates older files.
#pragma once

#include <cstdint>

namespace ehall {

// The last instant `monthly_usage` counts, 9999-12-31 23:59:59.999 in Shanghai (SQLite's date
// functions end with year 9999, and so do report months); it counts none before 1970.
inline constexpr std::int64_t monthly_usage_last_ms = 253402271999999;

// Pragmas, then the tables, indexes and triggers in one transaction, as one script for
// sqlite3_exec.
const char* journal_schema_sql();

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
