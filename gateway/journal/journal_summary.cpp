#include "gateway/journal/journal_summary.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <utility>

#include "gateway/journal/summary_state.hpp"

namespace ehall {
namespace {

constexpr std::int64_t kShanghaiOffsetSeconds = 8 * 3600;

// Run only by a writable attach: the page size applies to a new file alone, and the state
// row starts at "nothing merged" for a journal of no identity, so the first pass fills it.
// The pending tables hold a staged pass's rows and deletions (see pass()).
constexpr const char* kSummarySchema = R"sql(
PRAGMA summary.page_size=16384;
PRAGMA summary.journal_mode=WAL;
PRAGMA summary.synchronous=NORMAL;
CREATE TABLE IF NOT EXISTS summary.customer_interactions (
    msisdn TEXT NOT NULL, ts_ms INTEGER NOT NULL, id INTEGER NOT NULL,
    PRIMARY KEY (msisdn, ts_ms, id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS summary.monthly_usage (
    month INTEGER NOT NULL, business TEXT NOT NULL, msisdn TEXT NOT NULL,
    channel TEXT NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (month, business, msisdn, channel)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS summary.summary_state (
    journal_identity TEXT NOT NULL, merged_to INTEGER NOT NULL, deletes_seen INTEGER NOT NULL,
    staged_to INTEGER NOT NULL, staged_deletes INTEGER NOT NULL
);
INSERT INTO summary.summary_state SELECT '', 0, 0, 0, 0
    WHERE NOT EXISTS (SELECT 1 FROM summary.summary_state);
CREATE TABLE IF NOT EXISTS summary.pending_rows (
    id INTEGER PRIMARY KEY, ts_ms INTEGER, channel TEXT, msisdn TEXT, business TEXT, outcome TEXT
);
CREATE TABLE IF NOT EXISTS summary.pending_deletes (
    row_id INTEGER, ts_ms INTEGER, channel TEXT, msisdn TEXT, business TEXT, outcome TEXT
);
)sql";

// Whether a row of `interactions` or `interactions_deleted` counts in `monthly_usage`, and
// its key there.
const std::string& counted() {
    static const std::string sql = [] {
        std::string businesses;
        for (const std::string_view business : monthly_usage_businesses)
            businesses.append(businesses.empty() ? "'" : ", '").append(business).append("'");
        return "outcome = 'ok' AND business IN (" + businesses +
               ") AND ehall_month(ts_ms) IS NOT NULL";
    }();
    return sql;
}
constexpr const char* kUsageKey = "ehall_month(ts_ms), business, COALESCE(msisdn, ''), channel";

// Where a pass takes its rows and deletions from: the journal itself (?1 < id <= ?2; deletions
// logged after the last pass, ?1 < rowid <= ?2, of rows merged or copied before, row_id <= ?3:
// a row deleted before any pass took it was never in), or what copying passes took of the same.
struct Source {
    const char* rows;
    const char* deleted;
};
constexpr Source kJournal{" FROM main.interactions WHERE id > ?1 AND id <= ?2",
                          " FROM main.interactions_deleted WHERE rowid > ?1 AND rowid <= ?2 "
                          "AND row_id <= ?3"};
constexpr Source kStaged{" FROM summary.pending_rows WHERE 1",
                         " FROM summary.pending_deletes WHERE 1"};

std::string undo_deletes(const Source& from) {
    const std::string deleted = from.deleted;
    return "DELETE FROM summary.customer_interactions WHERE (msisdn, ts_ms, id) IN "
           "(SELECT msisdn, ts_ms, row_id" +
           deleted + " AND msisdn IS NOT NULL);" +
           "WITH gone (month, business, msisdn, channel, n) AS (SELECT " + kUsageKey +
           ", COUNT(*)" + deleted + " AND " + counted() +
           " GROUP BY 1, 2, 3, 4) UPDATE summary.monthly_usage AS u SET n = u.n - gone.n FROM "
           "gone WHERE (u.month, u.business, u.msisdn, u.channel) = (gone.month, "
           "gone.business, gone.msisdn, gone.channel);" +
           "DELETE FROM summary.monthly_usage WHERE n <= 0 AND (month, business, msisdn, "
           "channel) IN (SELECT " +
           kUsageKey + deleted + " AND " + counted() + ");";
}

// Each summary table in its key order.
std::string merge_rows(const Source& from) {
    const std::string rows = from.rows;
    return "INSERT OR IGNORE INTO summary.customer_interactions SELECT msisdn, ts_ms, id" + rows +
           " AND msisdn IS NOT NULL ORDER BY 1, 2, 3;" +
           "INSERT INTO summary.monthly_usage SELECT " + kUsageKey + ", COUNT(*)" + rows + " AND " +
           counted() + " GROUP BY 1, 2, 3, 4 ON CONFLICT DO UPDATE SET n = n + excluded.n;";
}

// A staging pass's copy into the pending table `table` of what `source` (one of kJournal's,
// bound as it is) selects, with `id_column` first.
std::string stage(const char* table, const char* id_column, const char* source) {
    return std::string("INSERT INTO summary.") + table + " SELECT " + id_column +
           ", ts_ms, channel, msisdn, business, outcome" + source;
}

void month_function(sqlite3_context* context, int, sqlite3_value** argv) {
    if (sqlite3_value_type(argv[0]) != SQLITE_INTEGER) {
        sqlite3_result_null(context);
        return;
    }
    if (const auto month = monthly_usage_month(sqlite3_value_int64(argv[0])))
        sqlite3_result_int(context, *month);
    else
        sqlite3_result_null(context);
}

// Runs every statement of `sql` with the same integers bound to ?1.. .
int run(sqlite3* db, const std::string& sql, std::initializer_list<std::int64_t> params) {
    const char* rest = sql.c_str();
    while (*rest) {
        sqlite3_stmt* stmt = nullptr;
        int rc = sqlite3_prepare_v2(db, rest, -1, &stmt, &rest);
        if (rc != SQLITE_OK)
            return rc;
        if (!stmt)
            continue;  // whitespace after the last statement
        int index = 0;
        for (const std::int64_t param : params) {
            if (++index <= sqlite3_bind_parameter_count(stmt))
                sqlite3_bind_int64(stmt, index, param);
        }
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        }
        sqlite3_finalize(stmt);
        if (rc != SQLITE_DONE)
            return rc;
    }
    return SQLITE_OK;
}

struct PassResult {
    std::int64_t covered = 0;    // the mark after the pass
    std::int64_t last_row = -1;  // the journal's last row id, when the pass read it
    bool staged = false;         // it staged rows that a later pass merges
};

// A merge's pace while SummaryPasses::slow_down is true: a quarter of the time.
constexpr auto kWorkBetweenYields = std::chrono::milliseconds(1);
constexpr auto kYield = std::chrono::milliseconds(3);
constexpr int kInstructionsBetweenChecks = 1000;

struct Yielding {
    const std::atomic<bool>* slow_down;
    std::chrono::steady_clock::time_point last_yield;
};

// SQLite's progress handler during a merge.
int yield_while_slowed_down(void* context) {
    auto& yielding = *static_cast<Yielding*>(context);
    if (!yielding.slow_down->load(std::memory_order_relaxed))
        return 0;
    if (std::chrono::steady_clock::now() - yielding.last_yield >= kWorkBetweenYields) {
        std::this_thread::sleep_for(kYield);
        yielding.last_yield = std::chrono::steady_clock::now();
    }
    return 0;  // go on
}

// Merges what earlier passes staged; the journal is not read. Rows first: a staged deletion
// may be of a row staged with it.
int merge_staged(sqlite3* db, SummaryState& state, PassResult& result) {
    int rc = run(db, merge_rows(kStaged), {});
    if (rc == SQLITE_OK)
        rc = run(db, undo_deletes(kStaged), {});
    if (rc == SQLITE_OK)
        rc = run(db, "DELETE FROM summary.pending_rows; DELETE FROM summary.pending_deletes;", {});
    state.merged_to = state.staged_to;
    state.deletes_seen = state.staged_deletes;
    result.covered = state.merged_to;
    return rc;
}

// The journal part of a pass, in the summary's write transaction: where the journal stands,
// and a rebuild when this file is not its summary (another journal, or one that lost its
// newest rows in a power cut after this file had taken them). Then a copy of the next rows or
// (`copy` 0) the whole merge straight from the journal.
int read_journal(sqlite3* db, std::int64_t copy, SummaryState& state, PassResult& result) {
    // Read again in the transaction (pass() read it before, to choose): the rows and deletions
    // copied must be those of this snapshot, or a row deleted in between would be taken out
    // later without ever having been counted.
    JournalPosition journal;
    int rc = read_journal_position(db, journal);
    result.last_row = journal.last_row;
    // staged_to >= merged_to: what is staged comes after what is merged.
    if (rc == SQLITE_OK &&
        (journal.identity != state.identity || state.staged_to > journal.last_row)) {
        rc = run(db,
                 "DELETE FROM summary.customer_interactions; DELETE FROM summary.monthly_usage; "
                 "DELETE FROM summary.pending_rows; DELETE FROM summary.pending_deletes;",
                 {});
        state = {journal.identity, 0, journal.last_delete, 0, journal.last_delete};
    }
    result.covered = state.merged_to;
    const std::int64_t from = state.staged_to;
    const std::int64_t to = copy > 0 ? std::min(journal.last_row, from + copy) : journal.last_row;
    if (rc != SQLITE_OK || (to == from && journal.last_delete == state.staged_deletes))
        return rc;
    // Deletions of rows merged or staged before: one deleted before it was copied was never in.
    const std::initializer_list<std::int64_t> deletes = {state.staged_deletes, journal.last_delete,
                                                         from};
    state.staged_to = to;
    state.staged_deletes = journal.last_delete;
    if (copy > 0) {
        rc = run(db, stage("pending_rows", "id", kJournal.rows), {from, to});
        if (rc == SQLITE_OK)
            rc = run(db, stage("pending_deletes", "row_id", kJournal.deleted), deletes);
        result.staged = true;
        return rc;
    }
    rc = run(db, undo_deletes(kJournal), deletes);
    if (rc == SQLITE_OK)
        rc = run(db, merge_rows(kJournal), {from, to});
    state.merged_to = to;
    state.deletes_seen = journal.last_delete;
    result.covered = to;
    return rc;
}

// One pass in one transaction of the summary file. With rows_per_copy at 0, all the new rows
// in one transaction that reads the journal for as long as it merges them. Otherwise a pass
// copies at most rows_per_copy rows into the pending tables, a short sequential read, and once
// rows_per_merge rows are pending or the copies have caught up, one merges them without
// touching the journal. A snapshot held for seconds would stop the gateway's checkpoints, and
// the WAL growing meanwhile slows every read of it; a merge rewrites most pages of the
// summary's tables whatever its size (customers come at random), so the more rows it takes
// the less it writes per row.
std::optional<std::string> pass(sqlite3* db, const SummaryPasses& passes, PassResult& result) {
    // The first write takes the summary's lock before anything is read, so two processes'
    // passes never start from the same mark; the journal is only read.
    // A merge does not read the journal in its transaction, which would hold the journal's
    // snapshot as long as it runs: whether the copies have caught up is read before, on its own.
    std::unique_lock<std::mutex> copying;
    JournalPosition seen;
    int rc = read_journal_position(db, seen);
    result.last_row = seen.last_row;
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(db, "BEGIN; UPDATE summary.summary_state SET merged_to = merged_to",
                          nullptr, nullptr, nullptr);
    SummaryState state;
    if (rc == SQLITE_OK)
        rc = read_summary_state(db, state);
    if (rc == SQLITE_OK) {
        const bool staged =
            state.staged_to > state.merged_to || state.staged_deletes > state.deletes_seen;
        const bool copied_all =
            state.staged_to >= seen.last_row && state.staged_deletes >= seen.last_delete;
        if (staged && (passes.rows_per_copy == 0 || copied_all ||
                       state.staged_to - state.merged_to >= passes.rows_per_merge)) {
            Yielding yielding{passes.slow_down, std::chrono::steady_clock::now()};
            if (passes.slow_down)
                sqlite3_progress_handler(db, kInstructionsBetweenChecks, &yield_while_slowed_down,
                                         &yielding);
            rc = merge_staged(db, state, result);
            sqlite3_progress_handler(db, 0, nullptr, nullptr);
        } else {
            if (passes.copy_lock)  // until the COMMIT ends the journal's read transaction
                copying = std::unique_lock(*passes.copy_lock);
            rc = read_journal(db, passes.rows_per_copy, state, result);
        }
    }
    if (rc == SQLITE_OK)
        rc = write_summary_state(db, state);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK)
        return std::nullopt;
    std::string error = sqlite3_errmsg(db);
    if (!sqlite3_get_autocommit(db))
        sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    return error;
}

}  // namespace

bool monthly_usage_counts(std::string_view business) {
    for (const std::string_view counted : monthly_usage_businesses) {
        if (business == counted)
            return true;
    }
    return false;
}

std::optional<int> monthly_usage_month(std::int64_t ts_ms) {
    if (ts_ms < 0 || ts_ms > monthly_usage_last_ms)
        return std::nullopt;
    using namespace std::chrono;
    const sys_seconds shanghai{seconds{ts_ms / 1000 + kShanghaiOffsetSeconds}};
    const year_month_day day{floor<days>(shanghai)};
    return static_cast<int>(day.year()) * 100 + static_cast<int>(unsigned{day.month()});
}

std::filesystem::path journal_summary_path(const std::filesystem::path& journal_db) {
    std::filesystem::path summary = journal_db;
    return summary.replace_filename(journal_db.stem().string() + "-summary" +
                                    journal_db.extension().string());
}

int attach_journal_summary(sqlite3* db, const std::filesystem::path& journal_db, bool writable) {
    const std::string path = journal_summary_path(journal_db).string();
    sqlite3_stmt* attach = nullptr;
    int rc = sqlite3_prepare_v2(db, "ATTACH DATABASE ?1 AS summary", -1, &attach, nullptr);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(attach, 1, path.c_str(), -1, SQLITE_TRANSIENT);
        rc = sqlite3_step(attach) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db);
    }
    sqlite3_finalize(attach);
    if (rc != SQLITE_OK || !writable)
        return rc;
    rc = sqlite3_create_function(db, "ehall_month", 1,
                                 SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr,
                                 month_function, nullptr, nullptr);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(db, kSummarySchema, nullptr, nullptr, nullptr);
    return rc;
}

std::optional<std::string> update_journal_summary(sqlite3* db, const SummaryPasses& passes) {
    // Rows written meanwhile wait for the next call; only those there at the call are covered.
    std::int64_t target = -1;
    for (;;) {
        PassResult result;
        if (auto error = pass(db, passes, result))
            return error;
        if (target < 0)
            target = result.last_row;
        if (!result.staged && target >= 0 && result.covered >= target)
            return std::nullopt;
    }
}

}  // namespace ehall
