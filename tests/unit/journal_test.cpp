#include <sqlite3.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <filesystem>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "gateway/journal/journal.hpp"

namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

struct JournalDir {
    fs::path dir;
    JournalDir() {
        std::random_device random;
        dir = fs::temp_directory_path() / ("ehall-journal-test-" + std::to_string(random()));
        fs::create_directories(dir);
    }
    ~JournalDir() {
        std::error_code ignored;
        fs::remove_all(dir, ignored);
    }
    // A path in a directory that does not exist yet: the journal creates it.
    fs::path db() const { return dir / "var" / "journal.db"; }
};

using Cell = std::optional<std::string>;  // nullopt for NULL
using Table = std::vector<std::vector<Cell>>;

Table query(const fs::path& db, const std::string& sql) {
    sqlite3* handle = nullptr;
    BOOST_REQUIRE_EQUAL(sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr),
                        SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    BOOST_REQUIRE_EQUAL(sqlite3_prepare_v2(handle, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK);
    Table rows;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        auto& row = rows.emplace_back();
        for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
            if (sqlite3_column_type(stmt, i) == SQLITE_NULL) {
                row.emplace_back();
            } else {
                row.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt, i)));
            }
        }
    }
    sqlite3_finalize(stmt);
    sqlite3_close(handle);
    return rows;
}

long count_rows(const fs::path& db) {
    return std::stol(*query(db, "SELECT count(*) FROM interactions").at(0).at(0));
}

ehall::InteractionRecord record(int i) {
    ehall::InteractionRecord r;
    r.ts_ms = 1700000000000 + i;
    r.channel = "web";
    r.request_id = "req-" + std::to_string(i);
    r.msisdn = "13800138000";
    r.plugin = "billing";
    r.operation = "pay";
    r.business = "payment";
    r.outcome = "ok";
    r.code = "ok";
    r.latency_us = 1200;
    r.amount_fen = 5000;
    return r;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(journal)

BOOST_AUTO_TEST_CASE(writes_in_batches) {
    JournalDir tmp;
    ehall::Journal journal({.path = tmp.db()});
    for (int i = 0; i < 5000; ++i)
        BOOST_REQUIRE(journal.append(record(i)));
    journal.flush();
    BOOST_TEST(count_rows(tmp.db()) == 5000);
    const auto stats = journal.stats();
    BOOST_TEST(stats.appended == 5000u);
    BOOST_TEST(stats.written == 5000u);
    BOOST_TEST(stats.queue_depth == 0u);
    BOOST_TEST(stats.dropped == 0u);
    BOOST_TEST(stats.batches < 100u);
}

BOOST_AUTO_TEST_CASE(ids_follow_append_order) {
    // The batch size only wakes the writer early; it then writes all that is queued, so its
    // transactions vary in size and take 1024, 64, 8 and 1 rows per INSERT.
    for (std::size_t batch_size : {std::size_t{7}, std::size_t{1100}, std::size_t{2000}}) {
        JournalDir tmp;
        ehall::Journal journal({.path = tmp.db(), .batch_size = batch_size});
        std::thread producer([&] {
            for (int i = 0; i < 3000; ++i)
                journal.append(record(i));
        });
        producer.join();
        journal.flush();
        const auto rows = query(tmp.db(), "SELECT request_id FROM interactions ORDER BY id");
        BOOST_REQUIRE_EQUAL(rows.size(), 3000u);
        for (int i = 0; i < 3000; ++i)
            BOOST_TEST(*rows[i][0] == "req-" + std::to_string(i));
    }
}

BOOST_AUTO_TEST_CASE(stop_writes_everything_then_rejects) {
    JournalDir tmp;
    ehall::Journal journal({.path = tmp.db(), .flush_interval = std::chrono::hours(1)});
    for (int i = 0; i < 3000; ++i)
        journal.append(record(i));
    journal.stop();
    // Checkpointed at the stop: the last connection to close removed the WAL.
    BOOST_TEST(!fs::exists(tmp.db().string() + "-wal"));
    BOOST_TEST(count_rows(tmp.db()) == 3000);
    BOOST_TEST(!journal.append(record(3000)));
    journal.stop();   // idempotent
    journal.flush();  // nothing pending: returns at once
    BOOST_TEST(journal.stats().dropped == 1u);
    BOOST_TEST(count_rows(tmp.db()) == 3000);

    // Reopening keeps the rows and continues the ids.
    ehall::Journal reopened({.path = tmp.db()});
    reopened.append(record(9999));
    reopened.flush();
    const auto last = query(tmp.db(), "SELECT id, request_id FROM interactions ORDER BY id DESC");
    BOOST_TEST(*last.at(0).at(0) == "3001");
    BOOST_TEST(*last.at(0).at(1) == "req-9999");
}

BOOST_AUTO_TEST_CASE(flush_interval_bounds_the_delay) {
    JournalDir tmp;
    ehall::Journal journal({.path = tmp.db(), .flush_interval = 50ms});
    journal.append(record(1));
    const auto deadline = std::chrono::steady_clock::now() + 2s;
    while (count_rows(tmp.db()) == 0 && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(10ms);
    }
    BOOST_TEST(count_rows(tmp.db()) == 1);
}

BOOST_AUTO_TEST_CASE(full_queue_drops_and_counts) {
    JournalDir tmp;
    // The writer wakes only on a full batch, the interval, flush() or stop(): none happens
    // while we append, so exactly `queue_capacity` records fit.
    ehall::Journal journal({.path = tmp.db(),
                            .flush_interval = std::chrono::hours(1),
                            .batch_size = 1000000,
                            .queue_capacity = 10});
    int accepted = 0;
    for (int i = 0; i < 100; ++i)
        accepted += journal.append(record(i)) ? 1 : 0;
    BOOST_TEST(accepted == 10);
    auto stats = journal.stats();
    BOOST_TEST(stats.queue_depth == 10u);
    BOOST_TEST(stats.dropped == 90u);
    std::this_thread::sleep_for(20ms);
    BOOST_TEST(journal.stats().flush_lag_seconds >= 0.015);
    journal.stop();
    stats = journal.stats();
    BOOST_TEST(stats.written == 10u);
    BOOST_TEST(stats.flush_lag_seconds == 0.0);
    BOOST_TEST(count_rows(tmp.db()) == 10);
}

BOOST_AUTO_TEST_CASE(invalid_records_are_dropped) {
    JournalDir tmp;
    ehall::Journal journal({.path = tmp.db()});
    auto bad_outcome = record(1);
    bad_outcome.outcome = "maybe";
    auto no_channel = record(2);
    no_channel.channel.clear();
    BOOST_TEST(!journal.append(bad_outcome));
    BOOST_TEST(!journal.append(no_channel));
    BOOST_TEST(journal.append(record(3)));
    journal.flush();
    BOOST_TEST(journal.stats().dropped == 2u);
    BOOST_TEST(count_rows(tmp.db()) == 1);
}

BOOST_AUTO_TEST_CASE(empty_strings_and_missing_amount_are_null) {
    JournalDir tmp;
    ehall::Journal journal({.path = tmp.db()});
    ehall::InteractionRecord sparse;
    sparse.ts_ms = 42;
    sparse.channel = "sms";
    sparse.outcome = "rejected";
    journal.append(sparse);
    auto zero = record(1);
    zero.amount_fen = 0;
    journal.append(zero);
    journal.flush();
    const auto rows = query(tmp.db(), "SELECT * FROM interactions ORDER BY id");
    BOOST_REQUIRE_EQUAL(rows.size(), 2u);
    const auto& s = rows[0];
    BOOST_TEST(*s[1] == "42");
    BOOST_TEST(*s[2] == "sms");
    for (int column : {3, 4, 5, 6, 7, 8, 9, 10, 12, 14, 15}) {
        BOOST_TEST_INFO("column " << column);
        BOOST_TEST(!s[column].has_value());
    }
    BOOST_TEST(*s[11] == "rejected");
    BOOST_TEST(*s[13] == "0");
    BOOST_TEST(*s[16] == "gateway");
    BOOST_TEST(*rows[1][14] == "0");  // a zero amount is not NULL
}

BOOST_AUTO_TEST_CASE(interactions_columns_match_the_contract) {
    JournalDir tmp;
    { ehall::Journal journal({.path = tmp.db()}); }
    const std::vector<std::vector<std::string>> expected = {
        {"id", "INTEGER", "0", "1"},         {"ts_ms", "INTEGER", "1", "0"},
        {"channel", "TEXT", "1", "0"},       {"subchannel", "TEXT", "0", "0"},
        {"terminal_id", "TEXT", "0", "0"},   {"session_id", "TEXT", "0", "0"},
        {"request_id", "TEXT", "0", "0"},    {"msisdn", "TEXT", "0", "0"},
        {"plugin", "TEXT", "0", "0"},        {"operation", "TEXT", "0", "0"},
        {"business", "TEXT", "0", "0"},      {"outcome", "TEXT", "1", "0"},
        {"code", "TEXT", "0", "0"},          {"latency_us", "INTEGER", "0", "0"},
        {"amount_fen", "INTEGER", "0", "0"}, {"offer_id", "TEXT", "0", "0"},
        {"source", "TEXT", "1", "0"}};
    const auto info = query(
        tmp.db(), "SELECT name, type, \"notnull\", pk FROM pragma_table_info('interactions')");
    BOOST_REQUIRE_EQUAL(info.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        for (std::size_t j = 0; j < 4; ++j)
            BOOST_TEST(*info[i][j] == expected[i][j]);
    }
    const auto mode = query(tmp.db(), "PRAGMA journal_mode");
    BOOST_TEST(*mode.at(0).at(0) == "wal");
    const auto indexes = query(tmp.db(),
                               "SELECT group_concat(name, ',') FROM (SELECT il.name FROM "
                               "pragma_index_list('interactions') il ORDER BY il.name)");
    BOOST_TEST(*indexes.at(0).at(0) == "interactions_by_ts");
    // The log of deleted rows that the summary file follows (gateway/journal/journal_summary.hpp).
    const auto triggers = query(tmp.db(),
                                "SELECT group_concat(name, ',') FROM (SELECT name FROM "
                                "sqlite_master WHERE tbl_name = 'interactions' AND "
                                "type = 'trigger' ORDER BY name)");
    BOOST_TEST(*triggers.at(0).at(0) == "interactions_on_delete");
}

BOOST_AUTO_TEST_SUITE_END()
