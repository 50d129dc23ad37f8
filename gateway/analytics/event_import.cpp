#include "gateway/analytics/event_import.hpp"

#include <chrono>
#include <future>

#include "gateway/analytics/event_check.hpp"
#include "gateway/analytics/event_time.hpp"
#include "gateway/analytics/event_writer.hpp"
#include "gateway/analytics/journal_file.hpp"
#include "gateway/analytics/vocabulary.hpp"
#include "gateway/journal/journal_schema.hpp"
#include "gateway/journal/summary_bulk_load.hpp"

namespace ehall::analytics {

namespace {

// Bulk-load settings for this connection only. In WAL mode `synchronous` acts only at commit
// and checkpoint: FULL syncs the WAL at COMMIT, so the import is on disk before it is
// reported, and makes the checkpoint that follows sync the WAL before it copies pages into
// journal.db and the file after. With OFF a power cut soon after an import could leave
// journal.db with half-copied pages: corrupt, the gateway's own records with it. FULL costs
// 10M events about 2.5 s (measured). Sorts spill to temporary files, so memory does not grow
// with the file. The table's CHECKs (outcome and source IN lists) are skipped: check_event
// accepts only the four outcomes and source is always 'import', and SQLite builds a
// temporary B-tree for each IN list per row, which took half the CPU time of inserting the
// rows (measured). The checkpoint after the commit is the import's own (see import_events).
constexpr const char* kBulkPragmas =
    "PRAGMA synchronous=FULL; PRAGMA cache_size=-65536; PRAGMA temp_store=FILE; "
    "PRAGMA ignore_check_constraints=ON; PRAGMA wal_autocheckpoint=0;";
// SQLite sorts an index's keys in runs as big as the page cache and merges them as linked
// lists: runs that fit the CPU cache build an index about a third faster (measured).
// One thread: the other CPU inserts the summary's entries meanwhile (SummaryBulkLoad), and
// a helper sorter thread competing with it made 10M events 1-2 s slower (measured).
constexpr const char* kIndexBuildPragmas = "PRAGMA cache_size=-2048; PRAGMA threads=1;";
// Updating the index row by row dirties pages all over it (imported events are older than
// the journal's newest): a 256 MiB cache spills and rewrites fewer.
constexpr const char* kIndexUpdatePragmas = "PRAGMA cache_size=-262144;";

// A CSV event line is about 50 bytes; this errs towards rebuilding the index.
constexpr std::uintmax_t kBytesPerEvent = 64;

// Whether to build the index afresh after the rows rather than update it per row: when the
// file holds at least a 32nd as many events as the journal already has. Events in random time
// order into a 10M-row journal (measured 2026-12-03): 1M took 15-18 s updating the time index
// per row and 7 s rebuilding it, 250k 5-6 s against 7 s.
bool rebuild_indexes(SqliteFile& db, const std::filesystem::path& csv) {
    Statement rows = db.prepare("SELECT COALESCE(MAX(id), 0) FROM interactions");
    rows.step();
    const auto existing = static_cast<std::uintmax_t>(rows.integer(0));
    return std::filesystem::file_size(csv) / kBytesPerEvent >= existing / 32;
}

}  // namespace

ImportResult import_events(const std::filesystem::path& csv,
                           const std::filesystem::path& journal_db, bool skip_bad) {
    CsvFile file(csv);
    SqliteFile db = open_journal_without_summary(journal_db);
    db.exec(kBulkPragmas);
    SummaryBulkLoad summary(journal_db, channels);
    const bool rebuild = rebuild_indexes(db, csv);
    if (!rebuild)
        db.exec(kIndexUpdatePragmas);
    std::int64_t last_id = 0;  // the journal's last row, then the last row imported
    TransactionSteps steps;
    steps.after_begin = [&] {
        last_id = summary.begin();
        if (rebuild)
            db.exec(drop_journal_indexes_sql());
    };
    EventWriter writer(db);
    steps.before_commit = [&] {
        writer.finish();
        summary.flush();  // the summary's inserts overlap the index build and the commit
        if (rebuild) {
            db.exec(kIndexBuildPragmas);
            db.exec(journal_indexes_sql());
        }
    };
    steps.before_rollback = [&] {
        writer.abandon();
        summary.abandon();
    };
    auto on_header = [&](const CsvHeader& header) -> RowImporter {
        return [&, header, event = PendingEvent{}](const std::vector<std::string_view>& f) mutable {
            if (auto bad = check_event(f, header, event); !bad.empty())
                return bad;
            event.id = ++last_id;
            writer.add(event);
            summary.add(event.id, event.ts_ms, event.msisdn, event.channel, event.business,
                        event.outcome == outcomes[0]);
            return std::string();
        };
    };
    const ImportDatabase transaction{.exec = [&db](const char* sql) { db.exec(sql); }};
    ImportResult result = import_csv(file, transaction, event_layout(), skip_bad, on_header, steps);
    if (!result.committed)
        return result;
    // After the rows' commit: a report run next finds them counted. Meanwhile the journal's
    // WAL is copied into journal.db, which writes another file. Both part of the import's time.
    const auto summary_started = std::chrono::steady_clock::now();
    // The rows are in whatever fails now: warnings, so that nobody imports the file again.
    auto checkpointed = std::async(std::launch::async, [&db]() -> std::string {
        try {
            db.exec("PRAGMA wal_checkpoint(PASSIVE)");
            return {};
        } catch (const std::exception& e) {
            return std::string(e.what()) + "; the gateway's checkpoints copy the rows later";
        }
    });
    try {
        summary.commit(last_id);
    } catch (const std::exception& e) {
        result.warning = std::string(e.what()) +
                         "; the next report or running gateway brings the summary up to date";
    }
    if (const std::string error = checkpointed.get(); !error.empty())
        result.warning.append(result.warning.empty() ? "" : "; ").append(error);
    result.elapsed += std::chrono::steady_clock::now() - summary_started;
    return result;
}

}  // namespace ehall::analytics
