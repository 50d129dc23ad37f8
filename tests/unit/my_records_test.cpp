// "My records" reads the journal file (the summary file's entries for the customer and the rows
// written after its last pass) plus the customer's records still queued in memory: a just-made
// interaction shows at once, without a flush, and exactly once.
#include <sqlite3.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <filesystem>
#include <random>
#include <string>

#include "gateway/journal/customer_history.hpp"
#include "gateway/journal/journal.hpp"

namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

struct QuietJournal {
    fs::path dir;
    std::optional<ehall::Journal> journal;
    QuietJournal() {
        std::random_device random;
        dir = fs::temp_directory_path() / ("ehall-my-records-test-" + std::to_string(random()));
        // An hour between flushes and passes: nothing reaches the files unless flushed.
        journal.emplace(ehall::Journal::Options{.path = dir / "journal.db",
                                                .flush_interval = std::chrono::hours(1),
                                                .summary_interval = std::chrono::hours(1)});
    }
    ~QuietJournal() {
        journal.reset();
        std::error_code ignored;
        fs::remove_all(dir, ignored);
    }
};

ehall::InteractionRecord record(const std::string& msisdn, int i) {
    ehall::InteractionRecord r;
    r.ts_ms = 1700000000000 + i * 1000;
    r.channel = "web";
    r.request_id = "req-" + std::to_string(i);
    r.msisdn = msisdn;
    r.plugin = "billing";
    r.operation = "pay";
    r.business = "payment";
    r.outcome = "ok";
    r.code = "ok";
    r.amount_fen = 100 * i;
    return r;
}

// Writes `r` into the file behind the journal's back, as its writer would.
void write_directly(const fs::path& db, const ehall::InteractionRecord& r) {
    sqlite3* handle = nullptr;
    BOOST_REQUIRE_EQUAL(sqlite3_open(db.c_str(), &handle), SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    BOOST_REQUIRE_EQUAL(
        sqlite3_prepare_v2(handle,
                           "INSERT INTO interactions (ts_ms, channel, request_id, msisdn, plugin, "
                           "operation, business, outcome, code, latency_us, amount_fen, source) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 'gateway')",
                           -1, &stmt, nullptr),
        SQLITE_OK);
    sqlite3_bind_int64(stmt, 1, r.ts_ms);
    int column = 2;
    for (const std::string* text : {&r.channel, &r.request_id, &r.msisdn, &r.plugin, &r.operation,
                                    &r.business, &r.outcome, &r.code})
        sqlite3_bind_text(stmt, column++, text->c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(stmt, column, *r.amount_fen);
    BOOST_TEST(sqlite3_step(stmt) == SQLITE_DONE);
    sqlite3_finalize(stmt);
    sqlite3_close(handle);
}

std::vector<std::int64_t> amounts(const std::vector<ehall::InteractionLine>& lines) {
    std::vector<std::int64_t> fen;
    for (const auto& line : lines)
        fen.push_back(line.amount_fen.value_or(-1));
    return fen;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(my_records)

BOOST_AUTO_TEST_CASE(pending_records_are_one_customers_newest_oldest_first) {
    QuietJournal q;
    for (int i = 1; i <= 4; ++i) {
        BOOST_REQUIRE(q.journal->append(record("13800138000", i)));
        BOOST_REQUIRE(q.journal->append(record("13900139000", 10 + i)));
    }
    auto pending = q.journal->pending_for("13800138000", 3);
    BOOST_REQUIRE(pending.size() == 3u);
    BOOST_TEST(pending[0].request_id == "req-2");
    BOOST_TEST(pending[2].request_id == "req-4");
    BOOST_TEST(pending[2].msisdn == "13800138000");
    BOOST_TEST(q.journal->pending_for("13700137000", 50).empty());
    q.journal->flush();
    BOOST_TEST(q.journal->pending_for("13800138000", 50).empty());
}

BOOST_AUTO_TEST_CASE(queued_records_show_without_a_flush_and_each_once) {
    QuietJournal q;
    const std::string me = "13800138000";
    BOOST_REQUIRE(q.journal->append(record(me, 1)));
    q.journal->flush();  // record 1 in the file
    BOOST_REQUIRE(q.journal->append(record(me, 2)));
    BOOST_REQUIRE(q.journal->append(record("13900139000", 3)));
    BOOST_REQUIRE(q.journal->append(record(me, 4)));
    // Record 4 written between the two reads: in the queue and in the file.
    write_directly(q.journal->path(), record(me, 4));

    auto lines = ehall::recent_interactions(*q.journal, me, 50);
    BOOST_TEST(amounts(lines) == (std::vector<std::int64_t>{400, 200, 100}),
               boost::test_tools::per_element());
    BOOST_TEST(lines.front().request_id == "req-4");
    BOOST_TEST(lines.front().plugin == "billing");
    BOOST_TEST(amounts(ehall::recent_interactions(*q.journal, me, 2)) ==
                   (std::vector<std::int64_t>{400, 200}),
               boost::test_tools::per_element());
    // Nothing was flushed for it: records 2 and 3 are still only in memory.
    BOOST_TEST(q.journal->stats().queue_depth == 3u);
}

BOOST_AUTO_TEST_CASE(written_records_come_from_the_summary_and_the_rows_after_it) {
    QuietJournal q;
    const std::string me = "13800138000";
    for (int i = 1; i <= 60; ++i) {
        BOOST_REQUIRE(q.journal->append(record(me, i)));
        BOOST_REQUIRE(q.journal->append(record("13900139000", 1000 + i)));
    }
    BOOST_REQUIRE(q.journal->flush_summary());  // 1..60 in the summary
    for (int i = 61; i <= 65; ++i)
        BOOST_REQUIRE(q.journal->append(record(me, i)));
    q.journal->flush();  // 61..65 only after its mark
    std::vector<std::int64_t> newest;
    for (int i = 65; i > 15; --i)
        newest.push_back(100 * i);
    BOOST_TEST(amounts(ehall::recent_interactions(*q.journal, me, 50)) == newest,
               boost::test_tools::per_element());
    BOOST_TEST(amounts(ehall::recent_interactions(*q.journal, me, 7)) ==
                   (std::vector<std::int64_t>{6500, 6400, 6300, 6200, 6100, 6000, 5900}),
               boost::test_tools::per_element());
    BOOST_TEST(q.journal->stats().queue_depth == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
