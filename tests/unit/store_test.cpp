#include <boost/test/unit_test.hpp>

#include <chrono>
#include <filesystem>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <ehall/clock.hpp>
#include "gateway/base/password_hash.hpp"
#include "gateway/store/core_schema.hpp"
#include "gateway/store/demo_data.hpp"
#include "gateway/store/migrations.hpp"
#include "tests/support/test_database.hpp"

namespace {

using ehall::Rows;
using ehall::Transaction;

// A fresh store in a unique temporary directory (with a missing subdirectory, which the
// store creates), removed afterwards; or a fresh database on the PostgreSQL test cluster.
struct StoreFixture {
    std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                ("ehall-store-test-" + std::to_string(std::random_device{}()) +
                                 "-" + std::to_string(ehall::now_ms()));
    std::unique_ptr<ehall::HostStore> opened =
        ehall::test::open_test_store(dir / "data" / "ehall.db");
    ehall::HostStore& store = *opened;

    ~StoreFixture() {
        std::error_code ignored;
        std::filesystem::remove_all(dir, ignored);
    }

    Rows query(const std::string& sql, const ehall::SqlParams& params = {}) {
        Rows rows;
        store.read([&](Transaction& tx) { rows = tx.query(sql, params); });
        return rows;
    }
    std::int64_t count(const std::string& table) {
        return query("SELECT count(*) AS n FROM " + table).front().integer("n");
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(store, StoreFixture)

BOOST_AUTO_TEST_CASE(configures_each_connection, *ehall::test::sqlite_only()) {
    BOOST_TEST(std::filesystem::exists(dir / "data" / "ehall.db"));
    // SQLite counts PRAGMA journal_mode as a write, which read() refuses.
    store.write([](Transaction& tx) {
        BOOST_TEST(tx.query("PRAGMA journal_mode").front().text("journal_mode") == "wal");
    });
    BOOST_TEST(query("PRAGMA synchronous").front().integer("synchronous") == 2);  // FULL
    BOOST_TEST(query("PRAGMA foreign_keys").front().integer("foreign_keys") == 1);
}

BOOST_AUTO_TEST_CASE(round_trips_every_value_type) {
    const std::string text = "héllo 中文 'quoted'";
    store.write([&](Transaction& tx) {
        tx.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, i INTEGER, r REAL, s TEXT, n TEXT)");
        BOOST_TEST(tx.execute("INSERT INTO t (i, r, s, n) VALUES (?, ?, ?, ?)",
                              {std::int64_t{9007199254740993}, 2.5, text, nullptr}) == 1);
        BOOST_TEST(tx.last_insert_id() == 1);
    });
    const Rows rows = query("SELECT i, r, s, n FROM t WHERE id = ?", {std::int64_t{1}});
    BOOST_REQUIRE_EQUAL(rows.size(), 1u);
    BOOST_TEST(std::get<std::int64_t>(rows[0].at("i")) == 9007199254740993);
    BOOST_TEST(std::get<double>(rows[0].at("r")) == 2.5);
    BOOST_TEST(std::get<std::string>(rows[0].at("s")) == text);
    BOOST_TEST(rows[0].is_null("n"));
    BOOST_TEST(query("SELECT i FROM t WHERE id = 2").empty());
}

BOOST_AUTO_TEST_CASE(execute_runs_every_statement_of_a_script) {
    store.write([](Transaction& tx) {
        BOOST_TEST(tx.execute("CREATE TABLE a (x INTEGER); -- a comment\n"
                              "INSERT INTO a VALUES (1); INSERT INTO a VALUES (2);;\n") == 2);
        BOOST_TEST(tx.execute("UPDATE a SET x = x + 10") == 2);
    });
    BOOST_TEST(query("SELECT sum(x) AS s FROM a").front().integer("s") == 23);
}

BOOST_AUTO_TEST_CASE(rolls_back_when_work_throws) {
    store.write([](Transaction& tx) { tx.execute("CREATE TABLE t (x INTEGER)"); });
    BOOST_CHECK_THROW(store.write([](Transaction& tx) {
        tx.execute("INSERT INTO t VALUES (1)");
        throw std::logic_error("changed my mind");
    }),
                      std::logic_error);
    BOOST_TEST(count("t") == 0);
    store.write([](Transaction& tx) { tx.execute("INSERT INTO t VALUES (2)"); });
    BOOST_TEST(count("t") == 1);
}

BOOST_AUTO_TEST_CASE(flags_constraint_errors) {
    store.write([](Transaction& tx) {
        tx.execute("CREATE TABLE p (key TEXT PRIMARY KEY, n INTEGER CHECK (n >= 0))");
        tx.execute("INSERT INTO p VALUES ('k', 1)");
    });
    try {
        store.write([](Transaction& tx) { tx.execute("INSERT INTO p VALUES ('k', 2)"); });
        BOOST_FAIL("duplicate key accepted");
    } catch (const ehall::StoreError& e) {
        BOOST_TEST(e.constraint());
        BOOST_TEST(std::string(e.what()).find("INSERT INTO p") != std::string::npos);
    }
    try {
        store.write([](Transaction& tx) {
            tx.execute("CREATE TABLE c (key TEXT REFERENCES p(key))");
            tx.execute("INSERT INTO c VALUES ('missing')");
        });
        BOOST_FAIL("dangling reference accepted");
    } catch (const ehall::StoreError& e) {
        BOOST_TEST(e.constraint());
    }
    try {
        store.write([](Transaction& tx) { tx.execute("INSERT INTO nowhere VALUES (1)"); });
        BOOST_FAIL("unknown table accepted");
    } catch (const ehall::StoreError& e) {
        BOOST_TEST(!e.constraint());
    }
    BOOST_TEST(query("SELECT n FROM p").front().integer("n") == 1);
}

BOOST_AUTO_TEST_CASE(read_transactions_refuse_writes) {
    store.write([](Transaction& tx) { tx.execute("CREATE TABLE t (x INTEGER)"); });
    BOOST_CHECK_THROW(store.read([](Transaction& tx) { tx.execute("INSERT INTO t VALUES (1)"); }),
                      ehall::StoreError);
    BOOST_TEST(count("t") == 0);
}

BOOST_AUTO_TEST_CASE(concurrent_writers_lose_no_increment) {
    store.write([](Transaction& tx) {
        tx.execute("CREATE TABLE counter (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)");
        tx.execute("INSERT INTO counter VALUES (1, 0)");
    });
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([this] {
            for (int i = 0; i < 200; ++i) {
                store.write([](Transaction& tx) {
                    const auto n = tx.query("SELECT n FROM counter WHERE id = 1")[0].integer("n");
                    tx.execute("UPDATE counter SET n = ? WHERE id = 1", {n + 1});
                });
                store.read([](Transaction& tx) { tx.query("SELECT n FROM counter"); });
            }
        });
    }
    for (auto& thread : threads)
        thread.join();
    BOOST_TEST(query("SELECT n FROM counter").front().integer("n") == 800);
}

BOOST_AUTO_TEST_CASE(applies_each_migration_once) {
    std::vector<ehall::Migration> migrations = {
        {1, "CREATE TABLE m (x INTEGER); INSERT INTO m VALUES (1);"},
        {2, "INSERT INTO m VALUES (2)"},
    };
    ehall::apply_migrations(store, "demo", migrations);
    ehall::apply_migrations(store, "demo", migrations);
    BOOST_TEST(count("m") == 2);
    BOOST_TEST(count("schema_migrations") == 2);

    migrations.push_back({3, "INSERT INTO m VALUES (3)"});
    ehall::apply_migrations(store, "demo", migrations);
    BOOST_TEST(query("SELECT sum(x) AS s FROM m").front().integer("s") == 6);
    // Another component's version numbers are its own.
    ehall::apply_migrations(store, "other", {{1, "CREATE TABLE o (y INTEGER)"}});
    BOOST_TEST(count("schema_migrations") == 4);
}

BOOST_AUTO_TEST_CASE(refuses_unordered_migrations) {
    try {
        ehall::apply_migrations(store, "demo", {{2, "CREATE TABLE a (x)"}, {2, "SELECT 1"}});
        BOOST_FAIL("repeated version accepted");
    } catch (const std::runtime_error& e) {
        const std::string what = e.what();
        BOOST_TEST(what.find("demo") != std::string::npos);
        BOOST_TEST(what.find('2') != std::string::npos);
    }
    BOOST_CHECK_THROW(query("SELECT x FROM a"), ehall::StoreError);  // nothing was applied
}

BOOST_AUTO_TEST_CASE(loads_exactly_the_demo_data_once) {
    using namespace std::chrono;
    // 2026-01-15 12:00 Asia/Shanghai: last month is 2025-12, across the year.
    const std::int64_t now =
        duration_cast<milliseconds>(sys_days{2026y / January / 15}.time_since_epoch()).count() +
        4 * 3600 * 1000;
    ehall::apply_migrations(store, "core", ehall::core_migrations());
    BOOST_TEST(ehall::load_demo_data(store, now));

    const auto zhang =
        query("SELECT * FROM customers JOIN accounts USING (msisdn) WHERE msisdn = '13800138000'");
    BOOST_REQUIRE_EQUAL(zhang.size(), 1u);
    BOOST_TEST(zhang[0].text("brand") == "全球通");
    BOOST_TEST(zhang[0].integer("balance_fen") == 5860);
    BOOST_TEST(zhang[0].integer("points") == 12000);
    BOOST_TEST(zhang[0].integer("ecoins") == 300);
    BOOST_TEST(!zhang[0].is_null("bank_card"));
    BOOST_TEST(ehall::verify_password(zhang[0].text("password_hash"), "135790"));
    BOOST_TEST(!ehall::verify_password(zhang[0].text("password_hash"), "246802"));

    const auto due = query("SELECT month, amount_fen FROM bills WHERE status = 'due'");
    BOOST_REQUIRE_EQUAL(due.size(), 1u);
    BOOST_TEST(due[0].text("month") == "2025-12");
    BOOST_TEST(due[0].integer("amount_fen") == 12850);
    BOOST_TEST(count("bills WHERE msisdn = '13800138000' AND status = 'paid'") == 5);

    const auto li =
        query("SELECT * FROM customers JOIN accounts USING (msisdn) WHERE msisdn = '13900139000'");
    BOOST_REQUIRE_EQUAL(li.size(), 1u);
    BOOST_TEST(li[0].integer("balance_fen") == 1200);
    BOOST_TEST(li[0].integer("points") == 800);
    BOOST_TEST(li[0].is_null("bank_card"));
    BOOST_TEST(ehall::verify_password(li[0].text("password_hash"), "246802"));
    BOOST_TEST(!ehall::verify_password(li[0].text("password_hash"), "135790"));

    BOOST_TEST(count("vouchers WHERE amount_fen = 5000 AND used_by IS NULL") == 5);
    BOOST_TEST(count("terminals WHERE id = 'KIOSK-0001' AND key = 'demo-kiosk-key-0001'") == 1);
    BOOST_TEST(count("segments WHERE msisdn = '13800138000' AND tag = 'ld_no_12593'") == 1);
    BOOST_TEST(count("rewards") == 4);
    BOOST_TEST(count("plugin_channels") == 0);

    const std::int64_t bills = count("bills");
    BOOST_TEST(!ehall::load_demo_data(store, now));
    BOOST_TEST(count("customers") == 2);
    BOOST_TEST(count("bills") == bills);
    BOOST_TEST(count("vouchers") == 5);
}

BOOST_AUTO_TEST_SUITE_END()
