#include "gateway/journal/wal_checkpointer.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <filesystem>
#include <random>
#include <string>
#include <thread>

namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

// A WAL-mode file with a table and a writer connection to it, like the journal's.
struct WalFile {
    fs::path dir;
    fs::path db;
    sqlite3* writer = nullptr;

    WalFile() {
        std::random_device random;
        dir = fs::temp_directory_path() / ("ehall-wal-test-" + std::to_string(random()));
        fs::create_directories(dir);
        db = dir / "journal.db";
        BOOST_REQUIRE_EQUAL(sqlite3_open(db.c_str(), &writer), SQLITE_OK);
        exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; CREATE TABLE t (x BLOB)");
    }
    ~WalFile() {
        sqlite3_close(writer);
        std::error_code ignored;
        fs::remove_all(dir, ignored);
    }

    void exec(const char* sql) {
        BOOST_REQUIRE_EQUAL(sqlite3_exec(writer, sql, nullptr, nullptr, nullptr), SQLITE_OK);
    }
    // One commit of about five pages (a 16 kB row in overflow pages).
    void commit_a_row() { exec("INSERT INTO t VALUES (randomblob(16000))"); }

    std::uintmax_t wal_bytes() const {
        std::error_code missing;
        const auto size = fs::file_size(db.string() + "-wal", missing);
        return missing ? 0 : size;
    }
    // The WAL's frames as a second connection's PASSIVE checkpoint reports them.
    int wal_frames() const {
        sqlite3* reader = nullptr;
        int log = -1, copied = -1;
        sqlite3_open(db.c_str(), &reader);
        sqlite3_exec(reader, "SELECT 1 FROM sqlite_master", nullptr, nullptr, nullptr);
        sqlite3_wal_checkpoint_v2(reader, nullptr, SQLITE_CHECKPOINT_PASSIVE, &log, &copied);
        sqlite3_close(reader);
        return log;
    }
};

constexpr std::uintmax_t kFrameBytes = 4096 + 24;

bool wait_for_empty_wal(const WalFile& file) {
    const auto deadline = std::chrono::steady_clock::now() + 5s;
    while (file.wal_bytes() > 0 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(10ms);
    return file.wal_bytes() == 0;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(wal_checkpointer)

BOOST_AUTO_TEST_CASE(the_writer_never_checkpoints_itself) {
    WalFile file;
    {
        ehall::WalCheckpointer checkpointer(
            file.db, {.passive_bytes = 1LL << 40, .restart_bytes = 1LL << 40, .idle_after = 1h});
        checkpointer.attach(file.writer);
        // About 1,500 frames: past SQLite's automatic checkpoint (1,000), which would have
        // copied them and started the WAL over.
        for (int i = 0; i < 300; ++i)
            file.commit_a_row();
        BOOST_TEST(file.wal_frames() >= 1400);
    }
    // Its last checkpoint, when it stops, empties the WAL.
    BOOST_TEST(file.wal_bytes() == 0u);
}

BOOST_AUTO_TEST_CASE(keeps_the_wal_bounded_and_empties_it_when_idle) {
    WalFile file;
    ehall::WalCheckpointer checkpointer(
        file.db, {.passive_bytes = 20 * 4096, .restart_bytes = 100 * 4096, .idle_after = 100ms});
    checkpointer.attach(file.writer);
    std::uintmax_t largest = 0;
    for (int i = 0; i < 400; ++i) {  // about 2,000 frames
        file.commit_a_row();
        largest = std::max(largest, file.wal_bytes());
        std::this_thread::sleep_for(2ms);
    }
    // 100 frames and those committed while a checkpoint ran; without one, 2,000.
    BOOST_TEST(largest < 600 * kFrameBytes);
    BOOST_TEST(largest > 0u);

    // Once no commit came for idle_after, a TRUNCATE checkpoint empties the file.
    BOOST_TEST(wait_for_empty_wal(file));

    sqlite3_stmt* count = nullptr;
    BOOST_REQUIRE_EQUAL(
        sqlite3_prepare_v2(file.writer, "SELECT count(*) FROM t", -1, &count, nullptr), SQLITE_OK);
    BOOST_REQUIRE_EQUAL(sqlite3_step(count), SQLITE_ROW);
    BOOST_TEST(sqlite3_column_int(count, 0) == 400);
    sqlite3_finalize(count);
}

BOOST_AUTO_TEST_CASE(empties_a_wal_below_the_thresholds_once_idle) {
    WalFile file;
    ehall::WalCheckpointer checkpointer(file.db, {.idle_after = 100ms});
    checkpointer.attach(file.writer);
    for (int i = 0; i < 3; ++i)
        file.commit_a_row();
    BOOST_TEST(file.wal_bytes() > 0u);
    BOOST_TEST(wait_for_empty_wal(file));
}

BOOST_AUTO_TEST_SUITE_END()
