#include "gateway/analytics/pg_event_import.hpp"

#include <algorithm>
#include <functional>
#include <set>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "gateway/analytics/event_check.hpp"
#include "gateway/analytics/vocabulary.hpp"
#include "gateway/journal/copy_text.hpp"
#include "gateway/journal/journal_summary.hpp"
#include "gateway/journal/pg_journal_schema.hpp"
#include "gateway/store/database_url.hpp"
#include "gateway/store/pg_connection.hpp"

namespace ehall::analytics {

namespace {

constexpr const char* kCopyRows =
    "COPY interactions (ts_ms, channel, msisdn, business, outcome, amount_fen, subchannel, "
    "source) FROM STDIN";
constexpr const char* kUsageBatch =
    "CREATE TEMP TABLE import_usage (month INTEGER, business TEXT, msisdn TEXT, channel TEXT, "
    "n BIGINT) ON COMMIT DROP";
constexpr const char* kCopyUsage = "COPY import_usage FROM STDIN";
// In monthly_usage's key order, as the gateways' writers upsert (pg_journal_sink.cpp).
constexpr const char* kCount =
    "INSERT INTO monthly_usage SELECT * FROM import_usage ORDER BY 1, 2, 3, 4 "
    "ON CONFLICT (month, business, msisdn, channel) DO UPDATE SET n = monthly_usage.n + "
    "excluded.n";

// What the COPY buffers before it sends: large enough that sending costs little.
constexpr std::size_t kSendBytes = 1 << 20;

// A monthly_usage key; the texts are the vocabulary's or in the memory-mapped file.
struct UsageKey {
    int month;
    std::string_view business, msisdn, channel;
    bool operator==(const UsageKey&) const = default;
    auto tied() const { return std::tie(month, business, msisdn, channel); }
};
struct UsageHash {
    std::size_t operator()(const UsageKey& k) const noexcept {
        const std::hash<std::string_view> text;
        return std::hash<int>{}(k.month) ^ (text(k.msisdn) * 31) ^ (text(k.business) * 131) ^
               (text(k.channel) * 1031);
    }
};
using Usage = std::unordered_map<UsageKey, std::int64_t, UsageHash>;

void append_event(std::string& rows, const PendingEvent& e) {
    append_copy_integer(rows, e.ts_ms);
    for (const std::string_view text :
         {channels[e.channel], e.msisdn, businesses[e.business], e.outcome}) {
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
    rows.append("\timport\n");
}

// The counts in key order.
std::string usage_rows(const Usage& usage) {
    std::vector<const Usage::value_type*> sorted;
    sorted.reserve(usage.size());
    for (const auto& entry : usage)
        sorted.push_back(&entry);
    std::sort(sorted.begin(), sorted.end(),
              [](const auto* a, const auto* b) { return a->first.tied() < b->first.tied(); });
    std::string rows;
    for (const auto* entry : sorted) {
        const UsageKey& key = entry->first;
        append_copy_integer(rows, key.month);
        for (const std::string_view text : {key.business, key.msisdn, key.channel}) {
            rows.push_back('\t');
            append_copy_text(rows, text);
        }
        rows.push_back('\t');
        append_copy_integer(rows, entry->second);
        rows.push_back('\n');
    }
    return rows;
}

}  // namespace

ImportResult import_events_to_postgres(const std::filesystem::path& csv, const std::string& url,
                                       bool skip_bad) {
    CsvFile file(csv);
    PgConnection db(url, without_password(url));
    apply_pg_journal_schema(db);
    std::string rows;
    std::set<int> months;  // whose partition this import has made sure of
    Usage usage;
    bool copying = false;
    auto stop_copying = [&] {
        db.copy_send(rows);
        rows.clear();
        copying = false;
        db.copy_end();
    };
    TransactionSteps steps;
    steps.after_begin = [&] {
        db.copy_start(kCopyRows);
        copying = true;
    };
    steps.before_commit = [&] {
        stop_copying();
        if (usage.empty())
            return;
        db.run_raw(kUsageBatch);
        db.copy_in(kCopyUsage, usage_rows(usage));
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
            const auto month = monthly_usage_month(event.ts_ms);
            // A new month's partition before its first row, so no row lands in the default
            // partition; the COPY pauses for it.
            if (month && !months.contains(*month)) {
                stop_copying();
                add_pg_journal_partition(db, *month);
                months.insert(*month);
                db.copy_start(kCopyRows);
                copying = true;
            }
            append_event(rows, event);
            const std::string_view business = businesses[event.business];
            if (month && event.outcome == "ok" && monthly_usage_counts(business))
                ++usage[{*month, business, event.msisdn, channels[event.channel]}];
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
