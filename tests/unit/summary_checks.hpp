// What the tests of the journal's summary file share: a journal in a temporary directory,
// queries on it with the summary attached, rows written by hand as an analyst with `sqlite3`
// would, and the check that both summary tables equal a recount of the journal's rows (with
// SQLite's own date functions).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "gateway/journal/interaction_record.hpp"

namespace ehall::testing {

struct TempDb {
    std::filesystem::path dir;
    TempDb();
    ~TempDb();
    std::filesystem::path db() const { return dir / "journal.db"; }
};

using RowTexts = std::vector<std::string>;  // each row's columns joined by '|'

// Runs `sql` on the journal `db` with its summary file attached.
RowTexts query(const std::filesystem::path& db, const std::string& sql);
// Runs `sql` through a plain connection, as an analyst with `sqlite3` would.
void by_hand(const std::filesystem::path& db, const std::string& sql);
// Inserts one ok payment through a plain connection; "" for no customer.
void insert_by_hand(const std::filesystem::path& db, std::int64_t ts_ms, const std::string& msisdn);

// `monthly_usage` as a recount of every row of `interactions` gives it, and as it is.
RowTexts recount(const std::filesystem::path& db);
RowTexts summary(const std::filesystem::path& db);
// Every row's entry in `customer_interactions`, and what a recount gives.
RowTexts customer_entries(const std::filesystem::path& db);
RowTexts customer_recount(const std::filesystem::path& db);
// Whether both summary tables equal their recounts.
void check_summary(const std::filesystem::path& db);

// Instants at the edges of Shanghai months and of what the summary counts.
extern const std::vector<std::int64_t> edge_instants;
// A mix of counted and uncounted records: outcomes, businesses, customers or none, channels.
ehall::InteractionRecord mixed_record(int i);

}  // namespace ehall::testing
