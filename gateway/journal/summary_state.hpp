// The bookkeeping of the journal's summary file (journal_summary.hpp) shared by its passes and
// by a bulk import's load (summary_bulk_load.hpp): the marks in `summary.summary_state` and
// where the journal stands. All on a connection with the summary attached as `summary`.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>

namespace ehall {

// `summary.summary_state`: what the tables cover (merged_to, deletes_seen) and what is copied
// into the pending tables and not merged yet (staged_to, staged_deletes), for the journal of
// `identity`.
struct SummaryState {
    std::string identity;
    std::int64_t merged_to = 0, deletes_seen = 0, staged_to = 0, staged_deletes = 0;
};

int read_summary_state(sqlite3* db, SummaryState& state);
int write_summary_state(sqlite3* db, const SummaryState& state);

// Where the journal stands.
struct JournalPosition {
    std::string identity;
    // The highest id ever given (AUTOINCREMENT), not the highest still there: deleting the
    // newest rows must not look like a journal that lost rows.
    std::int64_t last_row = 0;
    std::int64_t last_delete = 0;
};

int read_journal_position(sqlite3* db, JournalPosition& position);

// Steps `sql` and hands its first row, if any, to `take`. Returns an SQLite result code.
template <typename Take>
int read_row(sqlite3* db, const char* sql, Take&& take) {
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(stmt);
        if (rc == SQLITE_ROW)
            take(stmt);
        if (rc == SQLITE_ROW || rc == SQLITE_DONE)
            rc = SQLITE_OK;
    }
    sqlite3_finalize(stmt);
    return rc;
}

}  // namespace ehall
