#include "gateway/journal/summary_state.hpp"

namespace ehall {

namespace {

std::string text_column(sqlite3_stmt* stmt, int column) {
    const auto* text = sqlite3_column_text(stmt, column);
    return text ? reinterpret_cast<const char*>(text) : "";
}

}  // namespace

int read_summary_state(sqlite3* db, SummaryState& state) {
    return read_row(db,
                    "SELECT journal_identity, merged_to, deletes_seen, staged_to, staged_deletes "
                    "FROM summary.summary_state",
                    [&](sqlite3_stmt* row) {
                        state = {text_column(row, 0), sqlite3_column_int64(row, 1),
                                 sqlite3_column_int64(row, 2), sqlite3_column_int64(row, 3),
                                 sqlite3_column_int64(row, 4)};
                    });
}

int write_summary_state(sqlite3* db, const SummaryState& state) {
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v2(db,
                                "UPDATE summary.summary_state SET journal_identity = ?1, "
                                "merged_to = ?2, deletes_seen = ?3, staged_to = ?4, "
                                "staged_deletes = ?5",
                                -1, &stmt, nullptr);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(stmt, 1, state.identity.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(stmt, 2, state.merged_to);
        sqlite3_bind_int64(stmt, 3, state.deletes_seen);
        sqlite3_bind_int64(stmt, 4, state.staged_to);
        sqlite3_bind_int64(stmt, 5, state.staged_deletes);
        rc = sqlite3_step(stmt) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db);
    }
    sqlite3_finalize(stmt);
    return rc;
}

int read_journal_position(sqlite3* db, JournalPosition& position) {
    return read_row(db,
                    "SELECT (SELECT id FROM main.journal_identity), (SELECT seq FROM "
                    "main.sqlite_sequence WHERE name = 'interactions'), (SELECT MAX(rowid) FROM "
                    "main.interactions_deleted)",
                    [&](sqlite3_stmt* row) {
                        position = {text_column(row, 0), sqlite3_column_int64(row, 1),
                                    sqlite3_column_int64(row, 2)};  // NULL: 0
                    });
}

}  // namespace ehall
