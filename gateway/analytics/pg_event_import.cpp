#include "gateway/analytics/pg_event_import.hpp"

#include <set>

#include "gateway/analytics/event_check.hpp"
#include "gateway/analytics/vocabulary.hpp"
#include "gateway/journal/copy_text.hpp"
#include "gateway/journal/journal_summary.hpp"
#include "gateway/journal/pg_journal_schema.hpp"
#include "gateway/store/database_url.hpp"
#include "gateway/store/pg_connection.hpp"

namespace ehall::analytics {

namespace {

// `counted`: the monthly_usage month of a row it counts, else NULL.
constexpr const char* kStaging =
    "CREATE TEMP TABLE import_events (ts_ms BIGINT, channel TEXT, msisdn TEXT, business TEXT, "
    "outcome TEXT, amount_fen BIGINT, subchannel TEXT, counted INTEGER) ON COMMIT DROP";
constexpr const char* kCopy = "COPY import_events FROM STDIN";
constexpr const char* kMoveRows =
    "INSERT INTO interactions (ts_ms, channel, msisdn, business, outcome, amount_fen, "
    "subchannel, source) SELECT ts_ms, channel, msisdn, business, outcome, amount_fen, "
    "subchannel, 'import' FROM import_events";
// In monthly_usage's key order, as the gateways' writers upsert (pg_journal_sink.cpp).
constexpr const char* kCount =
    "INSERT INTO monthly_usage SELECT counted, business, msisdn, channel, COUNT(*) "
    "FROM import_events WHERE counted IS NOT NULL GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4 "
    "ON CONFLICT (month, business, msisdn, channel) DO UPDATE SET n = monthly_usage.n + "
    "excluded.n";

// What the COPY buffers before it sends: large enough that sending costs little.
constexpr std::size_t kSendBytes = 1 << 20;

void append_event(std::string& rows, const PendingEvent& e) {
    const std::string_view business = businesses[e.business];
    append_copy_integer(rows, e.ts_ms);
    for (const std::string_view text : {channels[e.channel], e.msisdn, business, e.outcome}) {
        rows.push_back('\t');
        append_copy_text(rows, text);
    }
    rows.push_back('\t');
    if (e.amount_fen)
        append_copy_integer(rows, *e.amount_fen);
    else
        append_copy_null(rows);
    rows.push_back('\t');
    append_copy_text_or_null(rows, e.hall);
    rows.push_back('\t');
    const auto month = monthly_usage_month(e.ts_ms);
    if (month && e.outcome == "ok" && monthly_usage_counts(business))
        append_copy_integer(rows, *month);
    else
        append_copy_null(rows);
    rows.push_back('\n');
}

}  // namespace

ImportResult import_events_to_postgres(const std::filesystem::path& csv, const std::string& url,
                                       bool skip_bad) {
    CsvFile file(csv);
    const std::string shown = without_password(url);
    PgConnection db(url, shown);
    apply_pg_journal_schema(db);
    std::string rows;
    std::set<int> months;
    bool copying = false;
    TransactionSteps steps;
    steps.after_begin = [&] {
        db.run_raw(kStaging);
        db.copy_start(kCopy);
        copying = true;
    };
    steps.before_commit = [&] {
        db.copy_send(rows);
        copying = false;
        db.copy_end();
        // Each partition in a transaction of its own on another connection: this one must
        // not hold the lock that creating one takes on `interactions` until its COMMIT.
        PgConnection partitions(url, shown);
        for (const int month : months)
            ensure_pg_journal_partition(partitions, month);
        db.run_raw(kMoveRows);
        db.run_raw(kCount);
    };
    steps.before_rollback = [&] {
        if (copying)
            db.copy_end("the import is rolled back");
        copying = false;
    };
    auto on_header = [&](const CsvHeader& header) -> RowImporter {
        return [&, header, event = PendingEvent{}](const std::vector<std::string_view>& f) mutable {
            if (auto bad = check_event(f, header, event); !bad.empty())
                return bad;
            append_event(rows, event);
            if (const auto month = monthly_usage_month(event.ts_ms))
                months.insert(*month);
            if (rows.size() >= kSendBytes) {
                db.copy_send(rows);
                rows.clear();
            }
            return std::string();
        };
    };
    const ImportDatabase transaction{.exec = [&db](const char* sql) { db.run_raw(sql); },
                                     .begin = "BEGIN"};
    return import_csv(file, transaction, event_layout(), skip_bad, on_header, steps);
}

}  // namespace ehall::analytics
