// UsageCounts: events counted over several sorted runs land in `monthly_usage` once per key,
// in the table's text form, added to the counts already there.
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "gateway/analytics/journal_file.hpp"
#include "gateway/analytics/usage_counts.hpp"
#include "gateway/analytics/vocabulary.hpp"

using namespace ehall::analytics;

namespace {

// 2026-03-31T16:30:00Z is 2026-04-01 00:30 in Shanghai: an April event.
constexpr std::int64_t kApril1Shanghai = 1774974600000;
constexpr std::int64_t kMarch31Shanghai = kApril1Shanghai - 3600 * 1000;

std::size_t business(std::string_view name) {
    return index_of(businesses, name);
}
std::size_t channel(std::string_view name) {
    return index_of(channels, name);
}

struct TempJournal {
    std::filesystem::path path = std::filesystem::temp_directory_path() /
                                 ("ehall-usage-" + std::to_string(::getpid()) + ".db");
    TempJournal() { remove(); }
    ~TempJournal() { remove(); }
    void remove() const {
        for (const char* suffix : {"", "-wal", "-shm"})
            std::filesystem::remove(path.string() + suffix);
    }
};

std::vector<std::string> usage_rows(SqliteFile& db) {
    Statement rows = db.prepare(
        "SELECT month || ' ' || business || ' ' || msisdn || ' ' || channel || ' ' || n "
        "FROM monthly_usage ORDER BY month, business, msisdn, channel");
    std::vector<std::string> out;
    while (rows.step())
        out.emplace_back(rows.text(0));
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(analytics_usage_counts)

BOOST_AUTO_TEST_CASE(keys_counted_over_several_runs_are_written_once_and_added_to_the_table) {
    TempJournal journal;
    SqliteFile db = open_journal(journal.path);
    db.exec("INSERT INTO monthly_usage VALUES (202604, 'topup', '13800000001', 'web', 5)");
    db.exec("BEGIN");
    UsageCounts usage(db, 3);  // runs of three events: the repeated keys span runs
    for (int i = 0; i < 4; ++i)
        usage.add(kApril1Shanghai + i, business("topup"), 13800000001, channel("web"));
    usage.add(kMarch31Shanghai, business("topup"), 13800000001, channel("web"));
    usage.add(kApril1Shanghai, business("payment"), 13800000001, channel("web"));
    usage.add(kApril1Shanghai, business("topup"), 13800000001, channel("hall"));
    usage.add(kApril1Shanghai, business("topup"), 1380000002, channel("sms"));  // leading 0
    usage.add(-1, business("topup"), 13800000001, channel("web"));  // before 1970: not counted
    usage.flush();
    db.exec("COMMIT");
    BOOST_TEST(usage_rows(db) == std::vector<std::string>({
                                     "202603 topup 13800000001 web 1",
                                     "202604 payment 13800000001 web 1",
                                     "202604 topup 01380000002 sms 1",
                                     "202604 topup 13800000001 hall 1",
                                     "202604 topup 13800000001 web 9",
                                 }),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(more_keys_than_one_statement_holds_all_land) {
    TempJournal journal;
    SqliteFile db = open_journal(journal.path);
    db.exec("BEGIN");
    UsageCounts usage(db, 100);
    constexpr std::uint64_t customers = 1000;  // several full batches and a partial one
    for (std::uint64_t c = 0; c < customers; ++c) {
        usage.add(kApril1Shanghai, business("payment"), 13900000000 + c, channel("kiosk"));
        usage.add(kApril1Shanghai, business("payment"), 13900000000 + c, channel("kiosk"));
    }
    usage.flush();
    db.exec("COMMIT");
    Statement totals = db.prepare("SELECT COUNT(*), SUM(n), MIN(n), MAX(n) FROM monthly_usage");
    BOOST_TEST_REQUIRE(totals.step());
    BOOST_TEST(totals.integer(0) == 1000);
    BOOST_TEST(totals.integer(1) == 2000);
    BOOST_TEST(totals.integer(2) == 2);
    BOOST_TEST(totals.integer(3) == 2);
}

BOOST_AUTO_TEST_SUITE_END()
