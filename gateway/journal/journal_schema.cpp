#include "gateway/journal/journal_schema.hpp"

#include <string>

namespace ehall {

namespace {

// Contract columns (DESIGN §5), in this order.
constexpr const char* kTable = R"sql(
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

// The partial covering index serves the analytics reports (gateway/analytics/): they only
// count outcome = 'ok' rows, by business and time range, without touching the table.
constexpr const char* kIndexes = R"sql(
CREATE INDEX IF NOT EXISTS interactions_by_ts ON interactions (ts_ms);
CREATE INDEX IF NOT EXISTS interactions_by_msisdn ON interactions (msisdn, ts_ms);
CREATE INDEX IF NOT EXISTS interactions_ok_by_business
    ON interactions (business, ts_ms, msisdn, channel) WHERE outcome = 'ok';
)sql";

}  // namespace

const char* journal_schema_sql() {
    static const std::string schema = std::string(kTable).append(kIndexes);
    return schema.c_str();
}

const char* journal_indexes_sql() {
    return kIndexes;
}

const char* drop_journal_indexes_sql() {
    return "DROP INDEX IF EXISTS interactions_by_ts; DROP INDEX IF EXISTS interactions_by_msisdn; "
           "DROP INDEX IF EXISTS interactions_ok_by_business;";
}

}  // namespace ehall
