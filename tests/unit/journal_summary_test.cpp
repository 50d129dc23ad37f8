// The journal's summary file, brought up to date in passes, must equal a recount of the
// journal's rows (with SQLite's own date functions), whoever wrote or deleted them, across
// Shanghai month boundaries; and a summary that does not belong to the journal is rebuilt.
#include <sqlite3.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "gateway/journal/journal.hpp"
#include "gateway/journal/journal_summary.hpp"
#include "summary_checks.hpp"

namespace fs = std::filesystem;

namespace {

using namespace ehall::testing;

// Inserts a copy of the journal's first `rows` rows (new ids) through a plain connection.
void copy_rows_by_hand(const fs::path& db, int rows) {
    by_hand(db,
            "INSERT INTO interactions (ts_ms, channel, msisdn, business, outcome) SELECT ts_ms, "
            "channel, msisdn, business, outcome FROM interactions ORDER BY id LIMIT " +
                std::to_string(rows));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(journal_summary)

BOOST_AUTO_TEST_CASE(the_summary_equals_a_recount_whoever_wrote_the_rows) {
    TempDb tmp;
    {
        ehall::Journal journal({.path = tmp.db()});
        insert_by_hand(tmp.db(), 1774972799999, "13800000001");
        insert_by_hand(tmp.db(), 1774972800000, "13800000001");
        for (int i = 0; i < 6000; ++i)
            BOOST_REQUIRE(journal.append(mixed_record(i)));
        BOOST_TEST(journal.flush_summary());
        check_summary(tmp.db());
        // Rows after a pass, from the gateway and by hand, in the next one.
        for (int i = 6000; i < 6010; ++i)
            BOOST_REQUIRE(journal.append(mixed_record(i)));
        insert_by_hand(tmp.db(), 1798732800000, "");
        BOOST_TEST(journal.flush_summary());
        check_summary(tmp.db());
    }
    const RowTexts expected = recount(tmp.db());
    BOOST_TEST_REQUIRE(expected.size() > 1000u);  // many keys, several months
    check_summary(tmp.db());
    const auto ok_rows = query(tmp.db(), "SELECT SUM(n) FROM monthly_usage");
    BOOST_TEST(std::stoi(ok_rows.at(0)) > 600);
}

BOOST_AUTO_TEST_CASE(deleted_rows_leave_the_summary_whether_merged_or_not) {
    TempDb tmp;
    ehall::Journal journal({.path = tmp.db(), .summary_interval = std::chrono::hours(1)});
    for (int i = 0; i < 3000; ++i)
        BOOST_REQUIRE(journal.append(mixed_record(i)));
    BOOST_TEST(journal.flush_summary());
    // Merged rows deleted, then new rows of which some are deleted before any pass saw them.
    by_hand(tmp.db(), "DELETE FROM interactions WHERE id % 3 = 0");
    for (int i = 3000; i < 4000; ++i)
        BOOST_REQUIRE(journal.append(mixed_record(i)));
    journal.flush();
    by_hand(tmp.db(), "DELETE FROM interactions WHERE id > 3500 AND id % 2 = 0");
    BOOST_TEST(journal.flush_summary());
    check_summary(tmp.db());
    // The newest rows deleted: not a journal that lost rows, so no rebuild is needed to agree.
    by_hand(tmp.db(), "DELETE FROM interactions WHERE id > 3900");
    BOOST_TEST(journal.flush_summary());
    check_summary(tmp.db());
    BOOST_TEST(query(tmp.db(), "SELECT COUNT(*) FROM interactions").at(0) != "0");
}

// Passes that copy 100 rows at a time and merge 450 at a time, while rows are deleted and
// written between them: rows merged before, rows copied but not merged yet, and rows not
// copied yet are deleted, and the summary still equals a recount.
BOOST_AUTO_TEST_CASE(copies_merged_later_take_deletions_of_any_row) {
    TempDb tmp;
    {
        ehall::Journal journal({.path = tmp.db(), .summary_interval = std::chrono::hours(1)});
        for (int i = 0; i < 1500; ++i)
            BOOST_REQUIRE(journal.append(mixed_record(i)));
    }  // its last pass merges these
    copy_rows_by_hand(tmp.db(), 1500);

    struct Between {
        fs::path db;
        int summary_commits = 0;
    } between{tmp.db()};
    // Called after each commit of the summary file, when the pass has let go of both files.
    const auto after_commit = [](void* context, sqlite3*, const char* name, int) {
        auto& b = *static_cast<Between*>(context);
        if (std::string(name) != "summary")
            return SQLITE_OK;
        ++b.summary_commits;
        if (b.summary_commits == 3)  // 300 rows copied, none of them merged
            by_hand(b.db, "DELETE FROM interactions WHERE id % 4 = 0");
        if (b.summary_commits == 6) {
            copy_rows_by_hand(b.db, 400);
            by_hand(b.db, "DELETE FROM interactions WHERE id % 7 = 0");
        }
        return SQLITE_OK;
    };
    sqlite3* db = nullptr;
    BOOST_REQUIRE_EQUAL(sqlite3_open(tmp.db().c_str(), &db), SQLITE_OK);
    sqlite3_busy_timeout(db, 5000);
    BOOST_REQUIRE_EQUAL(ehall::attach_journal_summary(db, tmp.db(), true), SQLITE_OK);
    sqlite3_wal_hook(db, after_commit, &between);
    for (int call = 0; call < 2; ++call) {  // the second for the rows written during the first
        const auto error =
            ehall::update_journal_summary(db, {.rows_per_copy = 100, .rows_per_merge = 450});
        BOOST_TEST(!error.has_value(), error.value_or(""));
    }
    sqlite3_close(db);
    BOOST_TEST(between.summary_commits > 12);  // 2000+ rows: copies, and merges between them
    check_summary(tmp.db());
    BOOST_TEST(customer_entries(tmp.db()).size() > 2000u);
}

BOOST_AUTO_TEST_CASE(a_summary_that_is_not_the_journals_is_rebuilt) {
    TempDb a, b;
    for (const TempDb* tmp : {&a, &b}) {
        ehall::Journal journal({.path = tmp->db()});
        for (int i = 0; i < (tmp == &a ? 2000 : 500); ++i)
            BOOST_REQUIRE(journal.append(mixed_record(i * 7)));
        BOOST_TEST(journal.flush_summary());
    }
    // b's summary next to a's journal.
    const fs::path summary_of_a = ehall::journal_summary_path(a.db());
    fs::copy_file(ehall::journal_summary_path(b.db()), summary_of_a,
                  fs::copy_options::overwrite_existing);
    {
        ehall::Journal journal({.path = a.db()});
        BOOST_TEST(journal.flush_summary());
    }
    check_summary(a.db());
    BOOST_TEST(customer_entries(a.db()).size() > 1500u);
    // a's journal back as it was before its newest rows, which the summary has merged (as
    // after a power cut); the ids of the rows written next are those of the lost ones.
    const fs::path before = a.dir / "journal-before.db";
    fs::copy_file(a.db(), before);
    {
        ehall::Journal journal({.path = a.db()});
        for (int i = 0; i < 100; ++i)
            BOOST_REQUIRE(journal.append(mixed_record(i * 5)));
        BOOST_TEST(journal.flush_summary());
    }
    fs::copy_file(before, a.db(), fs::copy_options::overwrite_existing);
    {
        ehall::Journal journal({.path = a.db()});
        for (int i = 0; i < 50; ++i)
            BOOST_REQUIRE(journal.append(mixed_record(i * 3)));
        BOOST_TEST(journal.flush_summary());
    }
    check_summary(a.db());
    // No summary at all.
    fs::remove(ehall::journal_summary_path(b.db()));
    {
        ehall::Journal journal({.path = b.db()});
        BOOST_TEST(journal.flush_summary());
    }
    check_summary(b.db());
    BOOST_TEST(customer_entries(b.db()).size() > 400u);
}

// A journal made before the summary file had the per-customer structures in it: an index by
// customer, `monthly_usage` and the triggers that kept it. They go, and the summary file is
// filled from the rows.
BOOST_AUTO_TEST_CASE(an_older_journal_is_migrated) {
    TempDb tmp;
    by_hand(tmp.db(),
            "PRAGMA journal_mode=WAL; CREATE TABLE interactions (id INTEGER PRIMARY KEY "
            "AUTOINCREMENT, ts_ms INTEGER NOT NULL, channel TEXT NOT NULL, subchannel TEXT, "
            "terminal_id TEXT, session_id TEXT, request_id TEXT, msisdn TEXT, plugin TEXT, "
            "operation TEXT, business TEXT, outcome TEXT NOT NULL, code TEXT, latency_us INTEGER, "
            "amount_fen INTEGER, offer_id TEXT, source TEXT NOT NULL DEFAULT 'gateway');"
            "CREATE INDEX interactions_by_msisdn ON interactions (msisdn, ts_ms);"
            "CREATE TABLE monthly_usage (month INTEGER, business TEXT, msisdn TEXT, "
            "channel TEXT, n INTEGER, PRIMARY KEY (month, business, msisdn, channel));"
            "CREATE TRIGGER monthly_usage_on_insert AFTER INSERT ON interactions BEGIN "
            "INSERT INTO monthly_usage VALUES (0, 'payment', '', 'web', 1) ON CONFLICT DO "
            "UPDATE SET n = n + 1; END;");
    for (int i = 0; i < 20; ++i)
        insert_by_hand(tmp.db(), 1774972799999 + i, "1380000000" + std::to_string(i % 4));
    {
        ehall::Journal journal({.path = tmp.db()});
        BOOST_TEST(journal.flush_summary());
    }
    check_summary(tmp.db());
    BOOST_TEST(customer_entries(tmp.db()).size() == 20u);
    const auto old =
        query(tmp.db(),
              "SELECT COUNT(*) FROM main.sqlite_master WHERE name IN "
              "('interactions_by_msisdn', 'monthly_usage', 'monthly_usage_on_insert')");
    BOOST_TEST(old.at(0) == "0");
}

BOOST_AUTO_TEST_CASE(months_in_shanghai) {
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
