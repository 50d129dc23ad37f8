#include "gateway/journal/journal_schema.hpp"

#include <sqlite3.h>

#include <string>

namespace ehall {

namespace {

// Contract columns (DESIGN §5), in this order. On a file that has them these statements
// write nothing, so opening never waits for a writer (such as a long import). The page size
// only applies to a new file: 16 KiB pages import 10M events about 10% faster than 4 KiB
// (fewer page writes and WAL frames) and the reports run as fast (measured).
constexpr const char* kTable = R"sql(
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
)sql";

constexpr const char* kIndexes = R"sql(
CREATE INDEX IF NOT EXISTS interactions_by_ts ON interactions (ts_ms);
CREATE INDEX IF NOT EXISTS interactions_by_msisdn ON interactions (msisdn, ts_ms);
)sql";

// The ok rows of the eight business types counted per Shanghai month (YYYYMM), business,
// customer ('' when none was known) and channel: the analytics reports read this instead of
// the events. Triggers keep it in step with every writer; a file made before it existed is
// counted once, when the triggers are first created: in one write transaction, so that two
// processes opening an older file at once count it once.
constexpr const char* kSummaryTable = R"sql(
BEGIN IMMEDIATE;
DROP INDEX IF EXISTS interactions_ok_by_business;
CREATE TABLE IF NOT EXISTS monthly_usage (
    month INTEGER NOT NULL, business TEXT NOT NULL, msisdn TEXT NOT NULL,
    channel TEXT NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (month, business, msisdn, channel)
) WITHOUT ROWID;
)sql";

// The summary key of the interactions row `row` (NEW, OLD or a table alias).
std::string usage_key(const std::string& row) {
    return "CAST(strftime('%Y%m', " + row + ".ts_ms / 1000 + 28800, 'unixepoch') AS INTEGER), " +
           row + ".business, COALESCE(" + row + ".msisdn, ''), " + row + ".channel";
}

// Whether the row `row` counts in the summary.
std::string usage_row(const std::string& row) {
    std::string businesses;
    for (const std::string_view business : monthly_usage_businesses)
        businesses.append(businesses.empty() ? "'" : ", '").append(business).append("'");
    return row + ".outcome = 'ok' AND " + row + ".business IN (" + businesses + ") AND " + row +
           ".ts_ms BETWEEN 0 AND " + std::to_string(monthly_usage_last_ms);
}

std::string fill_summary_once() {
    return "INSERT INTO monthly_usage SELECT " + usage_key("i") +
           ", COUNT(*) FROM interactions i WHERE NOT EXISTS (SELECT 1 FROM sqlite_master "
           "WHERE name = 'monthly_usage_on_insert') AND " +
           usage_row("i") + " GROUP BY 1, 2, 3, 4 ON CONFLICT DO UPDATE SET n = n + excluded.n;\n";
}

std::string summary_triggers() {
    const std::string old_key = "(month, business, msisdn, channel) = (" + usage_key("OLD") + ")";
    return "CREATE TRIGGER IF NOT EXISTS monthly_usage_on_insert AFTER INSERT ON interactions "
           "WHEN " +
           usage_row("NEW") + " BEGIN INSERT INTO monthly_usage VALUES (" + usage_key("NEW") +
           ", 1) ON CONFLICT DO UPDATE SET n = n + 1; END;\n"
           "CREATE TRIGGER IF NOT EXISTS monthly_usage_on_delete AFTER DELETE ON interactions "
           "WHEN " +
           usage_row("OLD") + " BEGIN UPDATE monthly_usage SET n = n - 1 WHERE " + old_key +
           "; DELETE FROM monthly_usage WHERE n <= 0 AND " + old_key + "; END;\n";
}

bool has_summary(sqlite3* db) {
    sqlite3_stmt* query = nullptr;
    const bool found = sqlite3_prepare_v2(db,
                                          "SELECT 1 FROM sqlite_master WHERE type = 'trigger' "
                                          "AND name = 'monthly_usage_on_insert'",
                                          -1, &query, nullptr) == SQLITE_OK &&
                       sqlite3_step(query) == SQLITE_ROW;
    sqlite3_finalize(query);
    return found;
}

}  // namespace

int apply_journal_schema(sqlite3* db) {
    static const std::string tables = std::string(kTable).append(kIndexes);
    static const std::string summary = std::string(kSummaryTable)
                                           .append(fill_summary_once())
                                           .append(summary_triggers())
                                           .append("COMMIT;");
    int rc = sqlite3_exec(db, tables.c_str(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK || has_summary(db))
        return rc;
    rc = sqlite3_exec(db, summary.c_str(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK && !sqlite3_get_autocommit(db))
        sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    return rc;
}

const char* journal_indexes_sql() {
    return kIndexes;
}

const char* drop_journal_indexes_sql() {
    return "DROP INDEX IF EXISTS interactions_by_ts; DROP INDEX IF EXISTS interactions_by_msisdn;";
}

const char* monthly_usage_triggers_sql() {
    static const std::string triggers = summary_triggers();
    return triggers.c_str();
}

const char* drop_monthly_usage_triggers_sql() {
    return "DROP TRIGGER IF EXISTS monthly_usage_on_insert; "
           "DROP TRIGGER IF EXISTS monthly_usage_on_delete;";
}

}  // namespace ehall
