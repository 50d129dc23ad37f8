#include "gateway/journal/journal_schema.hpp"

#include <sqlite3.h>

namespace ehall {

namespace {

// Contract columns (DESIGN §5), in this order. On a file that has them these statements
// write nothing, so opening never waits for a writer (such as a long import). The page size
// only applies to a new file: 16 KiB pages import 10M events about 10% faster than 4 KiB
// (fewer page writes and WAL frames) and the reports run as fast (measured).
//
// The per-customer structures (a lookup by customer, the monthly counts) live in the summary
// file (journal_summary.hpp), brought up to date in passes: here they would make every
// transaction rewrite a page per record with customers in random order. Older files had them
// here (an index on (msisdn, ts_ms), `monthly_usage` and its triggers); they are dropped.
// Deletions are logged so that a pass takes deleted rows back out of the summary.
constexpr const char* kSchema = R"sql(
PRAGMA page_size=16384;
PRAGMA journal_mode=WAL;
PRAGMA synchronous=NORMAL;
PRAGMA busy_timeout=5000;
CREATE TABLE IF NOT EXISTS interactions (
    id INTEGER PRIMARY KEY AUTOINCREMENT, ts_ms INTEGER NOT NULL, channel TEXT NOT NULL,
    subchannel TEXT, terminal_id TEXT, session_id TEXT, request_id TEXT, msisdn TEXT,
    plugin TEXT, operation TEXT, business TEXT,
    outcome TEXT NOT NULL CHECK (outcome IN ('ok','declined','error','rejected')),
    code TEXT, latency_us INTEGER, amount_fen INTEGER, offer_id TEXT,
    source TEXT NOT NULL DEFAULT 'gateway' CHECK (source IN ('gateway','import'))
);
CREATE INDEX IF NOT EXISTS interactions_by_ts ON interactions (ts_ms);
CREATE TABLE IF NOT EXISTS journal_identity (id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS interactions_deleted (
    row_id INTEGER NOT NULL, ts_ms INTEGER, channel TEXT, msisdn TEXT, business TEXT,
    outcome TEXT
);
CREATE TRIGGER IF NOT EXISTS interactions_on_delete AFTER DELETE ON interactions BEGIN
    INSERT INTO interactions_deleted
    VALUES (OLD.id, OLD.ts_ms, OLD.channel, OLD.msisdn, OLD.business, OLD.outcome);
END;
)sql";

// What a file made by an older version has and this one does not, and the identity a summary
// file is checked against; run only when something is missing.
constexpr const char* kMigration = R"sql(
BEGIN IMMEDIATE;
INSERT INTO journal_identity SELECT lower(hex(randomblob(16)))
    WHERE NOT EXISTS (SELECT 1 FROM journal_identity);
DROP INDEX IF EXISTS interactions_ok_by_business;
DROP INDEX IF EXISTS interactions_by_msisdn;
DROP TRIGGER IF EXISTS monthly_usage_on_insert;
DROP TRIGGER IF EXISTS monthly_usage_on_delete;
DROP TABLE IF EXISTS monthly_usage;
COMMIT;
)sql";

bool is_current(sqlite3* db) {
    sqlite3_stmt* query = nullptr;
    const bool current =
        sqlite3_prepare_v2(db,
                           "SELECT EXISTS (SELECT 1 FROM journal_identity) AND NOT EXISTS (SELECT "
                           "1 FROM sqlite_master WHERE name IN ('interactions_by_msisdn', "
                           "'monthly_usage', 'interactions_ok_by_business'))",
                           -1, &query, nullptr) == SQLITE_OK &&
        sqlite3_step(query) == SQLITE_ROW && sqlite3_column_int(query, 0) == 1;
    sqlite3_finalize(query);
    return current;
}

}  // namespace

int apply_journal_schema(sqlite3* db) {
    int rc = sqlite3_exec(db, kSchema, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK || is_current(db))
        return rc;
    rc = sqlite3_exec(db, kMigration, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK && !sqlite3_get_autocommit(db))
        sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    return rc;
}

const char* journal_indexes_sql() {
    return "CREATE INDEX IF NOT EXISTS interactions_by_ts ON interactions (ts_ms);";
}

const char* drop_journal_indexes_sql() {
    return "DROP INDEX IF EXISTS interactions_by_ts;";
}

}  // namespace ehall
