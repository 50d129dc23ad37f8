#include "gateway/analytics/event_import.hpp"

#include <charconv>

#include "gateway/analytics/event_time.hpp"
#include "gateway/analytics/field_checks.hpp"
#include "gateway/analytics/vocabulary.hpp"
#include "gateway/journal/journal_schema.hpp"

namespace ehall::analytics {

namespace {

// Bulk-load settings for this connection only: the import is one transaction that either
// commits or leaves nothing, so per-page syncs buy nothing until the final commit.
constexpr const char* kBulkPragmas =
    "PRAGMA synchronous=OFF; PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY;";

// A CSV event line is about 50 bytes; this errs towards rebuilding the indexes.
constexpr std::uintmax_t kBytesPerEvent = 64;

constexpr const char* kInsertEvent =
    "INSERT INTO interactions (ts_ms, channel, msisdn, business, outcome, amount_fen, source) "
    "VALUES (?, ?, ?, ?, ?, ?, 'import')";

std::string check_amount(std::string_view value, std::int64_t& fen) {
    const char* end = value.data() + value.size();
    const auto [ptr, ec] = std::from_chars(value.data(), end, fen);
    if (ec != std::errc() || ptr != end || fen < 0 || value.front() == '+')
        return bad_field("amount_fen", value, "is not a whole number of fen");
    return {};
}

// Whether to build the indexes afresh after the rows rather than update them per row: when
// the file holds at least as many events as the journal already has.
bool rebuild_indexes(SqliteFile& db, const std::filesystem::path& csv) {
    Statement rows = db.prepare("SELECT COALESCE(MAX(id), 0) FROM interactions");
    rows.step();
    const auto existing = static_cast<std::uintmax_t>(rows.integer(0));
    return std::filesystem::file_size(csv) / kBytesPerEvent >= existing;
}

std::string check_event(const std::vector<std::string_view>& f, std::int64_t& ts_ms) {
    const auto ts = parse_event_time(f[0]);
    if (!ts)
        return bad_field("ts", f[0], "is neither ISO-8601 with an offset nor epoch milliseconds");
    ts_ms = *ts;
    if (auto bad = check_msisdn(f[1]); !bad.empty())
        return bad;
    if (!is_one_of(channels, f[2]))
        return bad_field("channel", f[2], "is not one of " + listing(channels));
    if (!is_one_of(businesses, f[3]))
        return bad_field("business", f[3], "is not one of " + listing(businesses));
    if (!is_one_of(outcomes, f[4]))
        return bad_field("outcome", f[4], "is not one of " + listing(outcomes));
    return {};
}

}  // namespace

ImportResult import_events(const std::filesystem::path& csv,
                           const std::filesystem::path& journal_db, bool skip_bad) {
    CsvFile file(csv);
    if (journal_db.has_parent_path())
        std::filesystem::create_directories(journal_db.parent_path());
    SqliteFile db(journal_db, SqliteFile::Mode::read_write);
    db.exec(journal_schema_sql());
    db.exec(kBulkPragmas);
    TransactionSteps steps;
    if (rebuild_indexes(db, csv)) {
        steps.after_begin = [&db] { db.exec(drop_journal_indexes_sql()); };
        steps.before_commit = [&db] { db.exec(journal_indexes_sql()); };
    }
    Statement insert = db.prepare(kInsertEvent);
    const CsvLayout layout{{"ts", "msisdn", "channel", "business", "outcome"}, {"amount_fen"}};
    auto on_header = [&](std::size_t columns) -> RowImporter {
        const bool with_amount = columns == 6;
        return [&insert, with_amount](const std::vector<std::string_view>& f) {
            std::int64_t ts_ms = 0;
            if (auto bad = check_event(f, ts_ms); !bad.empty())
                return bad;
            insert.bind(1, ts_ms).bind(2, f[2]).bind(3, f[1]).bind(4, f[3]).bind(5, f[4]);
            std::int64_t fen = 0;
            if (!with_amount || f[5].empty()) {
                insert.bind_null(6);
            } else if (auto bad = check_amount(f[5], fen); !bad.empty()) {
                return bad;
            } else {
                insert.bind(6, fen);
            }
            insert.run();
            return std::string();
        };
    };
    return import_csv(file, db, layout, skip_bad, on_header, steps);
}

}  // namespace ehall::analytics
