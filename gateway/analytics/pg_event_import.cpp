#include "gateway/analytics/pg_event_import.hpp"

#include <algorithm>
#include <cassert>
#include <charconv>
#include <set>
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

// A counted row's monthly_usage key packed in 64 bits, so that 10M events take 80 MB: from the
// top, the month since 1970-01 (17 bits, up to 9999), the business and the channel (4 bits
// each, their vocabulary index) and the 11-digit number (37 bits).
using PackedKey = std::uint64_t;
static_assert(businesses.size() <= 16 && channels.size() <= 16);

PackedKey pack(int month, std::size_t business, std::size_t channel, std::string_view msisdn) {
    assert(msisdn.size() == 11 && msisdn[0] == '1');  // check_event: a mobile number
    std::uint64_t number = 0;
    std::from_chars(msisdn.data(), msisdn.data() + msisdn.size(), number);
    const auto months = static_cast<std::uint64_t>((month / 100 - 1970) * 12 + month % 100 - 1);
    return months << 45 | std::uint64_t{business} << 41 | std::uint64_t{channel} << 37 | number;
}

// The counts of `keys` (sorted here) as COPY rows of monthly_usage.
std::string usage_rows(std::vector<PackedKey>& keys) {
    std::sort(keys.begin(), keys.end());
    std::string rows;
    for (std::size_t at = 0; at < keys.size();) {
        const PackedKey key = keys[at];
        std::size_t n = 0;
        for (; at < keys.size() && keys[at] == key; ++at)
            ++n;
        const auto months = static_cast<int>(key >> 45);
        append_copy_integer(rows, (1970 + months / 12) * 100 + months % 12 + 1);
        rows.push_back('\t');
        append_copy_text(rows, businesses[key >> 41 & 0xF]);
        rows.push_back('\t');
        char digits[12];
        const auto end = std::to_chars(digits, digits + sizeof digits, key & ((1ULL << 37) - 1));
        rows.append(digits, end.ptr);
        rows.push_back('\t');
        append_copy_text(rows, channels[key >> 37 & 0xF]);
        rows.push_back('\t');
        append_copy_integer(rows, static_cast<std::int64_t>(n));
        rows.push_back('\n');
    }
    return rows;
}

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

}  // namespace

ImportResult import_events_to_postgres(const std::filesystem::path& csv, const std::string& url,
                                       bool skip_bad) {
    CsvFile file(csv);
    PgConnection db(url, without_password(url));
    apply_pg_journal_schema(db);
    std::string rows;
    std::set<int> months;  // whose partition this import has made sure of
    std::vector<PackedKey> counted;
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
        if (counted.empty())
            return;
        db.run_raw(kUsageBatch);
        db.copy_in(kCopyUsage, usage_rows(counted));
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
            if (month && event.outcome == "ok" && monthly_usage_counts(businesses[event.business]))
                counted.push_back(pack(*month, event.business, event.channel, event.msisdn));
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
