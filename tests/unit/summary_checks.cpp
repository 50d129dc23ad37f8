#include "summary_checks.hpp"

#include <sqlite3.h>

#include <boost/test/unit_test.hpp>
#include <random>

#include "gateway/journal/journal_summary.hpp"

namespace fs = std::filesystem;

namespace ehall::testing {

TempDb::TempDb() {
    std::random_device random;
    dir = fs::temp_directory_path() / ("ehall-journal-summary-" + std::to_string(random()));
    fs::create_directories(dir);
}

TempDb::~TempDb() {
    std::error_code ignored;
    fs::remove_all(dir, ignored);
}

RowTexts query(const fs::path& db, const std::string& sql) {
    sqlite3* handle = nullptr;
    BOOST_REQUIRE_EQUAL(sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr),
                        SQLITE_OK);
    BOOST_REQUIRE_EQUAL(ehall::attach_journal_summary(handle, db, false), SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    BOOST_REQUIRE_EQUAL(sqlite3_prepare_v2(handle, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK);
    RowTexts rows;
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

void by_hand(const fs::path& db, const std::string& sql) {
    sqlite3* handle = nullptr;
    BOOST_REQUIRE_EQUAL(sqlite3_open(db.c_str(), &handle), SQLITE_OK);
    sqlite3_busy_timeout(handle, 5000);
    BOOST_TEST(sqlite3_exec(handle, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK, sql);
    sqlite3_close(handle);
}

void insert_by_hand(const fs::path& db, std::int64_t ts_ms, const std::string& msisdn) {
    by_hand(db, "INSERT INTO interactions (ts_ms, channel, msisdn, business, outcome) VALUES (" +
                    std::to_string(ts_ms) + ", 'web', " +
                    (msisdn.empty() ? "NULL" : "'" + msisdn + "'") + ", 'payment', 'ok')");
}

RowTexts recount(const fs::path& db) {
    return query(db,
                 "SELECT CAST(strftime('%Y%m', ts_ms / 1000 + 28800, 'unixepoch') AS INTEGER), "
                 "business, COALESCE(msisdn, ''), channel, COUNT(*) FROM interactions "
                 "WHERE outcome = 'ok' AND business IN ('payment', 'topup', 'bill_query', "
                 "'balance_query', 'package_change', 'points_redeem', 'offer_accept', 'other') "
                 "AND ts_ms BETWEEN 0 AND " +
                     std::to_string(ehall::monthly_usage_last_ms) +
                     " GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4");
}

RowTexts summary(const fs::path& db) {
    return query(db,
                 "SELECT month, business, msisdn, channel, n FROM monthly_usage "
                 "ORDER BY 1, 2, 3, 4");
}

RowTexts customer_entries(const fs::path& db) {
    return query(db, "SELECT msisdn, ts_ms, id FROM customer_interactions ORDER BY 1, 2, 3");
}
RowTexts customer_recount(const fs::path& db) {
    return query(db,
                 "SELECT msisdn, ts_ms, id FROM interactions WHERE msisdn IS NOT NULL "
                 "ORDER BY 1, 2, 3");
}

void check_summary(const fs::path& db) {
    BOOST_TEST(summary(db) == recount(db), boost::test_tools::per_element());
    BOOST_TEST(customer_entries(db) == customer_recount(db), boost::test_tools::per_element());
}

const std::vector<std::int64_t> edge_instants = {-1,
                                                 0,
                                                 1774972799999,  // 2026-03-31T23:59:59.999+08:00
                                                 1774972800000,  // 2026-04-01T00:00:00+08:00
                                                 1798732799999,  // 2026-12-31T23:59:59.999+08:00
                                                 1798732800000,  // 2027-01-01T00:00:00+08:00
                                                 1835395200000,  // 2028-02-29T08:00:00+08:00
                                                 ehall::monthly_usage_last_ms,
                                                 ehall::monthly_usage_last_ms + 1};

ehall::InteractionRecord mixed_record(int i) {
    static const char* const outcomes[] = {"ok", "ok", "declined", "error", "rejected"};
    static const char* const businesses[] = {"payment", "balance_query", "topup", "", "lottery"};
    static const char* const channels[] = {"web", "sms", "kiosk"};
    ehall::InteractionRecord r;
    r.ts_ms = edge_instants[i % edge_instants.size()] + (i % 7 == 0 ? 0 : -(i % 3));
    r.channel = channels[i % 3];
    r.msisdn = i % 11 == 0 ? "" : std::to_string(13800000000 + i % 997);
    r.business = businesses[(i / 3) % 5];
    r.outcome = outcomes[(i / 2) % 5];
    return r;
}

}  // namespace ehall::testing
