// The journal on PostgreSQL (DESIGN §9): what its writer COPYs arrives whole in the
// month-partitioned `interactions`, `monthly_usage` counts it in the same transaction, "my
// records" reads it, two instances write at once, and a dropped connection loses nothing.
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "gateway/journal/customer_history.hpp"
#include "gateway/journal/journal.hpp"
#include "gateway/store/pg_store.hpp"
#include "tests/support/test_database.hpp"

namespace {

using ehall::Transaction;

// 2026-12-01T00:00 Asia/Shanghai (2026-11-30T16:00Z), the first instant of December there.
constexpr std::int64_t kDecemberInShanghai = 1796054400000;

ehall::InteractionRecord record(const std::string& msisdn, std::int64_t ts_ms, int i) {
    ehall::InteractionRecord r;
    r.ts_ms = ts_ms;
    r.channel = "web";
    r.request_id = "req-" + std::to_string(i);
    r.msisdn = msisdn;
    r.plugin = "billing";
    r.operation = "pay";
    r.business = "payment";
    r.outcome = "ok";
    r.code = "ok";
    r.latency_us = 42;
    r.amount_fen = 100 * i;
    return r;
}

struct PgJournal {
    std::string url = ehall::test::fresh_database_url();
    std::optional<ehall::Journal> journal;
    explicit PgJournal(std::chrono::milliseconds flush = std::chrono::milliseconds(20)) {
        journal.emplace(ehall::Journal::Options{
            .path = {}, .database_url = url, .flush_interval = flush, .batch_size = 500});
    }
    ehall::Rows query(const std::string& sql) const {
        ehall::PgStore store({.url = url, .max_connections = 2});
        ehall::Rows rows;
        store.read([&](Transaction& tx) { rows = tx.query(sql); });
        return rows;
    }
    std::int64_t scalar(const std::string& sql) const { return query(sql).at(0).integer("n"); }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(postgres_journal, *ehall::test::postgres_only())

BOOST_AUTO_TEST_CASE(every_column_arrives_as_it_was_appended) {
    PgJournal db;
    auto odd = record("13800138000", kDecemberInShanghai, 7);
    odd.subchannel = "tab\there, new\nline, back\\slash, \r";
    odd.code = std::string("bad \xff byte and \xe4\xb8 cut");
    odd.offer_id = "优惠";
    odd.amount_fen.reset();
    odd.session_id = "";
    BOOST_REQUIRE(db.journal->append(odd));
    BOOST_REQUIRE(db.journal->append(record("13800138000", kDecemberInShanghai + 1, 8)));
    db.journal->flush();
    const auto rows = db.query("SELECT * FROM interactions ORDER BY id");
    BOOST_REQUIRE_EQUAL(rows.size(), 2u);
    const auto& row = rows[0];
    BOOST_TEST(row.integer("ts_ms") == kDecemberInShanghai);
    BOOST_TEST(row.text("subchannel") == odd.subchannel);
    // Bytes that are not UTF-8 would fail the whole COPY: each becomes U+FFFD.
    BOOST_TEST(row.text("code") == "bad \xef\xbf\xbd byte and \xef\xbf\xbd\xef\xbf\xbd cut");
    BOOST_TEST(row.text("offer_id") == "优惠");
    BOOST_TEST(row.is_null("amount_fen"));
    BOOST_TEST(row.is_null("session_id"));  // empty text is NULL, as on SQLite
    BOOST_TEST(row.text("source") == "gateway");
    BOOST_TEST(row.integer("latency_us") == 42);
    BOOST_TEST(rows[1].integer("amount_fen") == 800);
}

BOOST_AUTO_TEST_CASE(rows_go_to_the_partition_of_their_shanghai_month) {
    PgJournal db;
    db.journal->append(record("13800138000", kDecemberInShanghai - 1, 1));  // Nov 30 23:59:59.999
    db.journal->append(record("13800138000", kDecemberInShanghai, 2));
    db.journal->append(record("13800138000", -5000, 3));  // before 1970: no month
    db.journal->flush();
    const auto rows = db.query(
        "SELECT request_id, tableoid::regclass::text AS part FROM interactions ORDER BY id");
    BOOST_REQUIRE_EQUAL(rows.size(), 3u);
    BOOST_TEST(rows[0].text("part") == "interactions_202611");
    BOOST_TEST(rows[1].text("part") == "interactions_202612");
    BOOST_TEST(rows[2].text("part") == "interactions_other");
}

BOOST_AUTO_TEST_CASE(rows_put_in_the_default_partition_by_hand_move_into_their_month) {
    PgJournal db;
    db.journal->append(record("13800138000", kDecemberInShanghai, 1));
    db.journal->flush();  // the tables and December's partition
    {
        ehall::PgStore store({.url = db.url, .max_connections = 2});
        store.write([](Transaction& tx) {  // as psql or another tool might
            tx.execute(
                "INSERT INTO interactions (ts_ms, channel, outcome, request_id) "
                "VALUES (?, 'hall', 'ok', 'by-hand')",
                {kDecemberInShanghai - 1});
        });
    }
    db.journal->append(record("13800138000", kDecemberInShanghai - 2, 2));  // November too
    db.journal->flush();
    BOOST_TEST(db.journal->stats().write_errors == 0u);
    const auto rows = db.query(
        "SELECT request_id, tableoid::regclass::text AS part FROM interactions ORDER BY ts_ms");
    BOOST_REQUIRE_EQUAL(rows.size(), 3u);
    BOOST_TEST(rows[0].text("request_id") == "req-2");
    BOOST_TEST(rows[0].text("part") == "interactions_202611");
    BOOST_TEST(rows[1].text("request_id") == "by-hand");
    BOOST_TEST(rows[1].text("part") == "interactions_202611");
}

BOOST_AUTO_TEST_CASE(monthly_usage_counts_ok_rows_of_counted_businesses_with_each_batch) {
    PgJournal db;
    for (int batch = 0; batch < 2; ++batch) {
        db.journal->append(record("13800138000", kDecemberInShanghai, 1));
        auto declined = record("13800138000", kDecemberInShanghai, 2);
        declined.outcome = "declined";
        db.journal->append(declined);
        auto uncounted = record("13800138000", kDecemberInShanghai, 3);
        uncounted.business = "page_view";
        db.journal->append(uncounted);
        auto hotline = record("", kDecemberInShanghai - 1, 4);
        hotline.channel = "hotline";
        db.journal->append(hotline);
        BOOST_TEST(db.journal->flush_summary());
    }
    const auto rows = db.query("SELECT * FROM monthly_usage ORDER BY month, msisdn");
    BOOST_REQUIRE_EQUAL(rows.size(), 2u);
    BOOST_TEST(rows[0].integer("month") == 202611);
    BOOST_TEST(rows[0].text("msisdn") == "");  // a record without a customer, as on SQLite
    BOOST_TEST(rows[0].text("channel") == "hotline");
    BOOST_TEST(rows[0].integer("n") == 2);
    BOOST_TEST(rows[1].integer("month") == 202612);
    BOOST_TEST(rows[1].text("business") == "payment");
    BOOST_TEST(rows[1].integer("n") == 2);
}

BOOST_AUTO_TEST_CASE(my_records_reads_the_database_and_the_queue_once_each) {
    PgJournal db(std::chrono::hours(1));  // nothing written unless flushed
    for (int i = 0; i < 3; ++i)
        db.journal->append(record("13900139000", kDecemberInShanghai + i, i));
    db.journal->flush();
    db.journal->append(record("13900139000", kDecemberInShanghai + 10, 10));  // still queued
    db.journal->append(record("13700137000", kDecemberInShanghai + 11, 11));
    const auto lines = ehall::recent_interactions(*db.journal, "13900139000", 3);
    BOOST_REQUIRE_EQUAL(lines.size(), 3u);
    BOOST_TEST(lines[0].request_id == "req-10");
    BOOST_TEST(lines[1].request_id == "req-2");
    BOOST_TEST(lines[2].request_id == "req-1");
    BOOST_TEST(*lines[1].amount_fen == 200);
}

BOOST_AUTO_TEST_CASE(two_instances_write_at_once_and_lose_nothing) {
    PgJournal a;
    ehall::Journal b({.path = {}, .database_url = a.url, .batch_size = 300});
    constexpr int kEach = 20000;
    // The same customers and months from both, so their monthly_usage upserts meet.
    std::atomic<int> refused{0};  // Boost.Test's checks are for the test's own thread
    auto produce = [&refused](ehall::Journal& journal, int offset) {
        for (int i = 0; i < kEach; ++i) {
            const auto msisdn = "1380000" + std::to_string(1000 + i % 50);
            if (!journal.append(record(msisdn, kDecemberInShanghai - (i % 2), offset + i)))
                ++refused;
        }
    };
    std::thread first(produce, std::ref(*a.journal), 0);
    std::thread second(produce, std::ref(b), kEach);
    first.join();
    second.join();
    a.journal->flush();
    b.flush();
    BOOST_TEST(refused == 0);
    BOOST_TEST(a.scalar("SELECT COUNT(*) AS n FROM interactions") == 2 * kEach);
    BOOST_TEST(a.scalar("SELECT COUNT(DISTINCT request_id) AS n FROM interactions") == 2 * kEach);
    BOOST_TEST(a.scalar("SELECT SUM(n) AS n FROM monthly_usage") == 2 * kEach);
    BOOST_TEST(a.journal->stats().write_errors + b.stats().write_errors == 0u);
}

BOOST_AUTO_TEST_CASE(a_dropped_connection_is_replaced_and_nothing_is_lost) {
    PgJournal db;
    db.journal->append(record("13800138000", kDecemberInShanghai, 1));
    db.journal->flush();
    db.query(
        "SELECT COUNT(pg_terminate_backend(pid)) AS n FROM pg_stat_activity WHERE datname = "
        "current_database() AND pid <> pg_backend_pid()");
    for (int i = 2; i <= 100; ++i)
        db.journal->append(record("13800138000", kDecemberInShanghai, i));
    db.journal->flush();
    BOOST_TEST(db.scalar("SELECT COUNT(*) AS n FROM interactions") == 100);
    BOOST_TEST(db.journal->stats().write_errors >= 1u);  // the batch that found it gone
    // "My records" reads on a pool of its own: the read that finds its connection gone fails
    // (that request's internal_error), the next one connects again.
    try {
        ehall::recent_interactions(*db.journal, "13800138000", 5);
    } catch (const ehall::StoreError&) {
    }
    BOOST_TEST(ehall::recent_interactions(*db.journal, "13800138000", 5).size() == 5u);
}

BOOST_AUTO_TEST_SUITE_END()
