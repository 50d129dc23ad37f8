// A bulk import's load of the journal's summary file: the rows it adds, in one chunk or many,
// on top of what the gateway and analysts wrote before (some of it after the last pass), leave
// both tables equal to a recount; a load that is abandoned leaves them as they were, and rows
// whose load never committed are counted by the next pass.
#include "gateway/journal/summary_bulk_load.hpp"

#include <sqlite3.h>

#include <array>
#include <boost/test/unit_test.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "gateway/journal/journal.hpp"
#include "gateway/journal/journal_summary.hpp"
#include "summary_checks.hpp"

namespace fs = std::filesystem;
using namespace ehall::testing;

namespace {

// In an order of their own: add() takes indexes, the tables keep the names in text order.
constexpr std::array<std::string_view, 5> kChannels = {"web", "hall", "sms", "kiosk", "hotline"};

struct ImportedRow {
    std::int64_t ts_ms;
    std::string msisdn;
    std::size_t channel, business;
    bool ok;
};

// Rows as an import has them: customers the gateway's rows also have (so counts add up with
// theirs), Shanghai month edges and times the monthly counts leave out, repeated keys, all
// outcomes.
std::vector<ImportedRow> imported_rows(int count) {
    std::vector<ImportedRow> rows;
    for (int i = 0; i < count; ++i) {
        const std::int64_t edge = edge_instants[1 + i % (edge_instants.size() - 1)];
        rows.push_back(
            {.ts_ms = edge + (i % 5 == 0 ? 0 : 1 + i % 4),
             .msisdn = std::to_string(13800000000 + (i * 7) % 997),
             .channel = static_cast<std::size_t>(i / 3) % kChannels.size(),
             .business = static_cast<std::size_t>(i / 2) % ehall::monthly_usage_businesses.size(),
             .ok = i % 4 != 3});
    }
    return rows;
}

// A journal with the gateway's rows, some deleted, summarised; then rows by hand that no pass
// has seen yet.
void journal_before_the_import(const fs::path& db) {
    {
        ehall::Journal journal({.path = db, .summary_interval = std::chrono::hours(1)});
        for (int i = 0; i < 1500; ++i)
            BOOST_REQUIRE(journal.append(mixed_record(i)));
    }  // its last pass merges these
    by_hand(db, "DELETE FROM interactions WHERE id % 5 = 0");
    insert_by_hand(db, 1774972800000, "13800000007");
    insert_by_hand(db, 1774972800001, "");
}

// What `ehall import events` does around the load: the rows inserted with the ids after the
// journal's last, in the journal's write transaction, committed (or rolled back) first.
class ByHandImport {
  public:
    explicit ByHandImport(const fs::path& db) {
        BOOST_REQUIRE_EQUAL(sqlite3_open(db.c_str(), &db_), SQLITE_OK);
        sqlite3_busy_timeout(db_, 5000);
        BOOST_REQUIRE_EQUAL(exec("BEGIN IMMEDIATE"), SQLITE_OK);
    }
    ~ByHandImport() { sqlite3_close(db_); }

    void insert(std::int64_t id, const ImportedRow& row) {
        static constexpr const char* kBusinessNames[] = {
            "payment",        "topup",         "bill_query",   "balance_query",
            "package_change", "points_redeem", "offer_accept", "other"};
        const std::string sql =
            "INSERT INTO interactions (id, ts_ms, channel, msisdn, business, outcome, source) "
            "VALUES (" +
            std::to_string(id) + ", " + std::to_string(row.ts_ms) + ", '" +
            std::string(kChannels[row.channel]) + "', '" + row.msisdn + "', '" +
            kBusinessNames[row.business] + "', '" + (row.ok ? "ok" : "declined") + "', 'import')";
        BOOST_REQUIRE_EQUAL(exec(sql), SQLITE_OK);
    }
    int exec(const std::string& sql) {
        return sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr);
    }

  private:
    sqlite3* db_ = nullptr;
};

// begin(), then `count` rows inserted and added; returns the last id.
std::int64_t import_rows(ByHandImport& import, ehall::SummaryBulkLoad& load, int count) {
    std::int64_t id = load.begin();
    for (const ImportedRow& row : imported_rows(count)) {
        import.insert(++id, row);
        load.add(id, row.ts_ms, row.msisdn, row.channel, row.business, row.ok);
    }
    return id;
}

std::int64_t merged_to(const fs::path& db) {
    return std::stoll(query(db, "SELECT merged_to FROM summary_state").at(0));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(summary_bulk_load)

BOOST_AUTO_TEST_CASE(a_load_in_one_chunk_or_many_sorted_in_runs_equals_a_recount) {
    // One chunk in one run, one chunk in runs of 100, chunks of 450 in runs of 64 and the rest.
    const ehall::SummaryBulkLoad::Sizes sizes[] = {{.rows_per_chunk = 5000, .rows_per_run = 5000},
                                                   {.rows_per_chunk = 5000, .rows_per_run = 100},
                                                   {.rows_per_chunk = 450, .rows_per_run = 64}};
    for (const auto& size : sizes) {
        TempDb tmp;
        journal_before_the_import(tmp.db());
        ehall::SummaryBulkLoad load(tmp.db(), kChannels, size);
        ByHandImport import(tmp.db());
        const std::int64_t last_id = import_rows(import, load, 2000);
        BOOST_REQUIRE_EQUAL(import.exec("COMMIT"), SQLITE_OK);
        load.commit(last_id);
        check_summary(tmp.db());
        // After the journal's 1502 rows, those by hand included.
        BOOST_TEST(merged_to(tmp.db()) == 3502);
        BOOST_TEST(customer_entries(tmp.db()).size() > 3000u);
        // Counts of the import added to the gateway's for the same keys.
        BOOST_TEST(query(tmp.db(), "SELECT MAX(n) FROM monthly_usage").at(0) != "1");
    }
}

BOOST_AUTO_TEST_CASE(an_abandoned_load_leaves_the_summary_as_it_was) {
    TempDb tmp;
    journal_before_the_import(tmp.db());
    {
        ehall::SummaryBulkLoad load(tmp.db(), kChannels,
                                    {.rows_per_chunk = 300, .rows_per_run = 64});
        ByHandImport import(tmp.db());
        import_rows(import, load, 1000);
        load.flush();
        BOOST_REQUIRE_EQUAL(import.exec("ROLLBACK"), SQLITE_OK);
        load.abandon();
    }
    // The rows by hand were covered by begin(): the summary is the journal's as it stands.
    check_summary(tmp.db());
    BOOST_TEST(merged_to(tmp.db()) == 1502);
}

// A crash after the journal's commit and before the summary's: the next pass covers the rows.
BOOST_AUTO_TEST_CASE(rows_committed_without_their_summary_are_counted_by_the_next_pass) {
    TempDb tmp;
    journal_before_the_import(tmp.db());
    {
        ehall::SummaryBulkLoad load(tmp.db(), kChannels);
        ByHandImport import(tmp.db());
        import_rows(import, load, 1000);
        load.flush();
        BOOST_REQUIRE_EQUAL(import.exec("COMMIT"), SQLITE_OK);
    }  // not committed: rolled back
    BOOST_TEST(merged_to(tmp.db()) == 1502);
    {
        ehall::Journal journal({.path = tmp.db()});
        BOOST_TEST(journal.flush_summary());
    }
    check_summary(tmp.db());
    BOOST_TEST(merged_to(tmp.db()) == 2502);
}

BOOST_AUTO_TEST_SUITE_END()
