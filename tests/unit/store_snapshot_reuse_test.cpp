// SqliteStore with `snapshot_reuse`: reads may share a snapshot, but never miss a write made
// through the same store, see other instances' writes once the window has passed, and do
// not hold back checkpoints once idle.
#include <sqlite3.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <filesystem>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>

#include <ehall/clock.hpp>
#include "gateway/store/sqlite_store.hpp"

namespace {

using ehall::SqliteStore;
using ehall::Transaction;
using namespace std::chrono_literals;

struct ReuseFixture {
    std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                ("ehall-snapshot-test-" + std::to_string(std::random_device{}()) +
                                 "-" + std::to_string(ehall::now_ms()));
    std::filesystem::path path = dir / "ehall.db";
    SqliteStore other{{.path = path}};  // another instance on the same file

    ReuseFixture() {
        other.write([](Transaction& tx) {
            tx.execute("CREATE TABLE counter (v INTEGER NOT NULL)");
            tx.execute("INSERT INTO counter (v) VALUES (1)");
        });
    }
    ~ReuseFixture() {
        std::error_code ignored;
        std::filesystem::remove_all(dir, ignored);
    }

    static std::int64_t value(SqliteStore& store) {
        std::int64_t v = 0;
        store.read(
            [&](Transaction& tx) { v = tx.query("SELECT v FROM counter").front().integer("v"); });
        return v;
    }
    static void set(SqliteStore& store, std::int64_t v) {
        store.write([&](Transaction& tx) { tx.execute("UPDATE counter SET v = ?", {v}); });
    }

    // PRAGMA wal_checkpoint(TRUNCATE) from a connection of its own: true when a reader's
    // snapshot kept it from completing.
    bool checkpoint_blocked() const {
        sqlite3* db = nullptr;
        BOOST_REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
        // A connection learns the file is in WAL mode when it first reads it.
        sqlite3_exec(db, "SELECT count(*) FROM sqlite_schema", nullptr, nullptr, nullptr);
        int log = 0, done = 0;
        const int rc =
            sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_TRUNCATE, &log, &done);
        sqlite3_close(db);
        BOOST_REQUIRE(rc == SQLITE_OK || rc == SQLITE_BUSY);
        return rc == SQLITE_BUSY;
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(store_snapshot_reuse, ReuseFixture)

BOOST_AUTO_TEST_CASE(reads_share_a_snapshot_within_the_window) {
    SqliteStore store({.path = path, .snapshot_reuse = 1h});
    BOOST_TEST(value(store) == 1);
    set(other, 2);
    BOOST_TEST(value(store) == 1);  // the snapshot of the first read
}

BOOST_AUTO_TEST_CASE(a_write_through_the_store_ends_its_snapshots) {
    SqliteStore store({.path = path, .snapshot_reuse = 1h});
    BOOST_TEST(value(store) == 1);
    set(other, 2);
    set(store, 3);
    BOOST_TEST(value(store) == 3);
    set(other, 4);
    store.write([](Transaction& tx) { tx.execute("CREATE TABLE unrelated (x INTEGER)"); });
    BOOST_TEST(value(store) == 4);  // any write, not only one to the table read
}

BOOST_AUTO_TEST_CASE(other_instances_writes_are_seen_after_the_window) {
    SqliteStore store({.path = path, .snapshot_reuse = 20ms});
    BOOST_TEST(value(store) == 1);
    set(other, 2);
    std::this_thread::sleep_for(60ms);
    BOOST_TEST(value(store) == 2);
}

BOOST_AUTO_TEST_CASE(a_failed_read_ends_its_snapshot) {
    SqliteStore store({.path = path, .snapshot_reuse = 1h});
    BOOST_TEST(value(store) == 1);
    set(other, 2);
    BOOST_CHECK_THROW(store.read([](Transaction&) { throw std::runtime_error("plugin bug"); }),
                      std::runtime_error);
    BOOST_TEST(value(store) == 2);
}

BOOST_AUTO_TEST_CASE(idle_snapshots_end_so_checkpoints_complete) {
    SqliteStore store({.path = path, .snapshot_reuse = 20ms});
    BOOST_TEST(value(store) == 1);
    set(other, 2);
    BOOST_TEST(checkpoint_blocked());  // the idle connection still reads the old snapshot
    std::this_thread::sleep_for(60ms);
    store.end_idle_snapshots();
    BOOST_TEST(!checkpoint_blocked());
    BOOST_TEST(value(store) == 2);
}

BOOST_AUTO_TEST_CASE(a_write_ends_the_snapshots_of_idle_connections_at_once) {
    SqliteStore store({.path = path, .snapshot_reuse = 1h});
    // A nested read takes a second connection: two snapshots, both idle afterwards.
    store.read([&](Transaction&) { BOOST_TEST(value(store) == 1); });
    set(other, 2);
    BOOST_TEST(checkpoint_blocked());
    set(store, 3);  // on one of the two connections
    BOOST_TEST(!checkpoint_blocked());
}

BOOST_AUTO_TEST_CASE(without_reuse_every_read_sees_the_latest_commit) {
    SqliteStore store({.path = path});
    BOOST_TEST(value(store) == 1);
    set(other, 2);
    BOOST_TEST(value(store) == 2);
    BOOST_TEST(!checkpoint_blocked());
}

BOOST_AUTO_TEST_SUITE_END()
