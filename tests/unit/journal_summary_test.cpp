// The gateway's journal writer counts its own ok rows into `monthly_usage` (its connection has
// the summary's triggers off): the summary must equal a recount of the events with the
// triggers' own rules, whoever wrote them, across Shanghai month boundaries.
#include <sqlite3.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "gateway/journal/journal.hpp"
#include "gateway/journal/journal_schema.hpp"
#include "gateway/journal/usage_tally.hpp"

namespace fs = std::filesystem;

namespace {

struct TempDb {
    fs::path dir;
    TempDb() {
        std::random_device random;
        dir = fs::temp_directory_path() / ("ehall-journal-summary-" + std::to_string(random()));
        fs::create_directories(dir);
    }
    ~TempDb() {
        std::error_code ignored;
        fs::remove_all(dir, ignored);
    }
    fs::path db() const { return dir / "journal.db"; }
};

using Rows = std::vector<std::string>;  // each row's columns joined by '|'

Rows query(const fs::path& db, const std::string& sql) {
    sqlite3* handle = nullptr;
    BOOST_REQUIRE_EQUAL(sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr),
                        SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    BOOST_REQUIRE_EQUAL(sqlite3_prepare_v2(handle, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK);
    Rows rows;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        auto& row = rows.emplace_back();
        for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
            const auto* text = sqlite3_column_text(stmt, i);
            row.append(i == 0 ? "" : "|")
                .append(text ? reinterpret_cast<const char*>(text) : "NULL");
        }
    }
    sqlite3_finalize(stmt);
    sqlite3_close(handle);
    return rows;
}

// Inserts one ok payment through a plain connection, which the triggers count.
void insert_by_hand(const fs::path& db, std::int64_t ts_ms, const std::string& msisdn) {
    sqlite3* handle = nullptr;
    BOOST_REQUIRE_EQUAL(sqlite3_open(db.c_str(), &handle), SQLITE_OK);
    const std::string sql =
        "INSERT INTO interactions (ts_ms, channel, msisdn, business, outcome) VALUES (" +
        std::to_string(ts_ms) + ", 'web', '" + msisdn + "', 'payment', 'ok')";
    BOOST_TEST(sqlite3_exec(handle, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(handle);
}

// The summary as the triggers would have counted every row of `interactions`.
Rows recount(const fs::path& db) {
    return query(db,
                 "SELECT CAST(strftime('%Y%m', ts_ms / 1000 + 28800, 'unixepoch') AS INTEGER), "
                 "business, COALESCE(msisdn, ''), channel, COUNT(*) FROM interactions "
                 "WHERE outcome = 'ok' AND business IN ('payment', 'topup', 'bill_query', "
                 "'balance_query', 'package_change', 'points_redeem', 'offer_accept', 'other') "
                 "AND ts_ms BETWEEN 0 AND " +
                     std::to_string(ehall::monthly_usage_last_ms) +
                     " GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4");
}

Rows summary(const fs::path& db) {
    return query(db,
                 "SELECT month, business, msisdn, channel, n FROM monthly_usage "
                 "ORDER BY 1, 2, 3, 4");
}

// Instants at the edges of Shanghai months and of what the summary counts.
const std::int64_t instants[] = {-1,
                                 0,
                                 1774972799999,  // 2026-03-31T23:59:59.999+08:00
                                 1774972800000,  // 2026-04-01T00:00:00+08:00
                                 1798732799999,  // 2026-12-31T23:59:59.999+08:00
                                 1798732800000,  // 2027-01-01T00:00:00+08:00
                                 1835395200000,  // 2028-02-29T08:00:00+08:00
                                 ehall::monthly_usage_last_ms,
                                 ehall::monthly_usage_last_ms + 1};

// A mix of counted and uncounted records: outcomes, businesses, customers or none, channels.
ehall::InteractionRecord mixed_record(int i) {
    static const char* const outcomes[] = {"ok", "ok", "declined", "error", "rejected"};
    static const char* const businesses[] = {"payment", "balance_query", "topup", "", "lottery"};
    static const char* const channels[] = {"web", "sms", "kiosk"};
    ehall::InteractionRecord r;
    r.ts_ms = instants[i % std::size(instants)] + (i % 7 == 0 ? 0 : -(i % 3));
    r.channel = channels[i % 3];
    r.msisdn = i % 11 == 0 ? "" : std::to_string(13800000000 + i % 997);
    r.business = businesses[(i / 3) % 5];
    r.outcome = outcomes[(i / 2) % 5];
    return r;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(journal_summary)

BOOST_AUTO_TEST_CASE(the_writers_summary_equals_a_recount) {
    TempDb tmp;
    {
        ehall::Journal journal({.path = tmp.db()});
        // Counted rows already there, from a writer the triggers count for.
        insert_by_hand(tmp.db(), 1774972799999, "13800000001");
        insert_by_hand(tmp.db(), 1774972800000, "13800000001");
        // Batches that take every size of INSERT and of summary upsert, then a few small ones.
        for (int i = 0; i < 6000; ++i)
            BOOST_REQUIRE(journal.append(mixed_record(i)));
        journal.flush();
        for (int i = 6000; i < 6010; ++i) {
            BOOST_REQUIRE(journal.append(mixed_record(i)));
            journal.flush();
        }
        // The triggers still count for other writers while the gateway's writer is open.
        insert_by_hand(tmp.db(), 1798732800000, "");
    }
    const Rows expected = recount(tmp.db());
    BOOST_TEST_REQUIRE(expected.size() > 1000u);  // many keys, several months
    BOOST_TEST(summary(tmp.db()) == expected, boost::test_tools::per_element());
    const auto ok_rows = query(tmp.db(), "SELECT SUM(n) FROM monthly_usage");
    BOOST_TEST(std::stoi(ok_rows.at(0)) > 600);
}

BOOST_AUTO_TEST_CASE(months_as_the_triggers_compute_them) {
    BOOST_TEST(!ehall::monthly_usage_month(-1).has_value());
    BOOST_TEST(*ehall::monthly_usage_month(0) == 197001);
    BOOST_TEST(*ehall::monthly_usage_month(1774972799999) == 202603);
    BOOST_TEST(*ehall::monthly_usage_month(1774972800000) == 202604);
    BOOST_TEST(*ehall::monthly_usage_month(1798732799999) == 202612);
    BOOST_TEST(*ehall::monthly_usage_month(1798732800000) == 202701);
    BOOST_TEST(*ehall::monthly_usage_month(1835395200000) == 202802);
    BOOST_TEST(*ehall::monthly_usage_month(ehall::monthly_usage_last_ms) == 999912);
    BOOST_TEST(!ehall::monthly_usage_month(ehall::monthly_usage_last_ms + 1).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
