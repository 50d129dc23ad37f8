#include "gateway/analytics/event_import.hpp"

#include <charconv>
#include <chrono>
#include <future>

#include "gateway/analytics/event_time.hpp"
#include "gateway/analytics/event_writer.hpp"
#include "gateway/analytics/field_checks.hpp"
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

std::string check_amount(std::string_view value, std::int64_t& fen) {
    const char* end = value.data() + value.size();
    const auto [ptr, ec] = std::from_chars(value.data(), end, fen);
    if (ec != std::errc() || ptr != end || fen < 0 || value.front() == '+')
        return bad_field("amount_fen", value, "is not a whole number of fen");
    return {};
}

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

// The optional columns, as import_events' layout lists them.
constexpr std::size_t kAmountColumn = 0, kHallColumn = 1;

std::string check_event(const std::vector<std::string_view>& f, const CsvHeader& header,
                        PendingEvent& event) {
    const auto ts = parse_event_time(f[0]);
    if (!ts)
        return bad_field("ts", f[0], "is neither ISO-8601 with an offset nor epoch milliseconds");
    if (*ts < 0)  // an ISO time whose offset puts it before the epoch
        return bad_field("ts", f[0], "is before 1970-01-01T00:00:00Z");
    event.ts_ms = *ts;
    if (auto bad = check_msisdn(f[1]); !bad.empty())
        return bad;
    event.msisdn = f[1];  // digits only, so it never came from an unescaped quoted field
    event.channel = index_of(channels, f[2]);
    if (event.channel == channels.size())
        return bad_field("channel", f[2], "is not one of " + listing(channels));
    event.business = index_of(businesses, f[3]);
    if (event.business == businesses.size())
        return bad_field("business", f[3], "is not one of " + listing(businesses));
    const std::size_t outcome = index_of(outcomes, f[4]);
    if (outcome == outcomes.size())
        return bad_field("outcome", f[4], "is not one of " + listing(outcomes));
    event.outcome = outcomes[outcome];
    event.amount_fen.reset();
    if (const std::size_t at = header.optional_at[kAmountColumn];
        at != CsvHeader::absent && !f[at].empty()) {
        std::int64_t fen = 0;
        if (auto bad = check_amount(f[at], fen); !bad.empty())
            return bad;
        event.amount_fen = fen;
    }
    event.hall = {};
    if (const std::size_t at = header.optional_at[kHallColumn];
        at != CsvHeader::absent && !f[at].empty()) {
        if (!is_plain_name(f[at]))
            return bad_field("hall_id", f[at], "is not 1 to 64 letters, digits, _ - .");
        event.hall = f[at];
    }
    return {};
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
    const CsvLayout layout{{"ts", "msisdn", "channel", "business", "outcome"},
                           {"amount_fen", "hall_id"}};
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
    ImportResult result = import_csv(file, db, layout, skip_bad, on_header, steps);
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
