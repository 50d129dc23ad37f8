// import_events: bad lines named in file order, nothing written unless skip_bad (however many
// batches the writer thread already inserted), rows in file order, and times before the
// epoch refused like any other bad value, and the import on disk, in an order no power cut
// can corrupt, before it returns.
#include <unistd.h>

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "file_op_recorder.hpp"
#include "gateway/analytics/event_import.hpp"
#include "gateway/analytics/journal_file.hpp"
#include "gateway/analytics/sqlite_file.hpp"

using namespace ehall::analytics;

namespace {

struct TempFiles {
    std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                ("ehall-event-import-" + std::to_string(::getpid()));
    TempFiles() {
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
    }
    ~TempFiles() { std::filesystem::remove_all(dir); }

    std::filesystem::path csv(const std::string& text) const {
        const auto path = dir / "events.csv";
        std::ofstream(path, std::ios::binary) << text;
        return path;
    }
    std::filesystem::path journal() const { return dir / "journal.db"; }
};

std::vector<std::int64_t> imported_times(const std::filesystem::path& journal_db) {
    SqliteFile db(journal_db, SqliteFile::Mode::read_only);
    Statement rows = db.prepare("SELECT ts_ms FROM interactions ORDER BY id");
    std::vector<std::int64_t> out;
    while (rows.step())
        out.push_back(rows.integer(0));
    return out;
}

// 08:00 in Shanghai on 1970-01-01 is the epoch; a second earlier is before it.
const std::string kAroundTheEpoch =
    "ts,msisdn,channel,business,outcome\n"
    "1970-01-01T08:00:00+08:00,13800000001,hall,payment,ok\n"
    "1970-01-01T07:59:59+08:00,13800000001,hall,payment,ok\n"
    "1970-01-01T00:00:00-05:00,13800000002,web,topup,ok\n";

// `rows` good events one second apart from the epoch, then a bad line: many more batches
// than the writer thread keeps queued.
std::string many_events_then_a_bad_line(int rows) {
    std::string text = "ts,msisdn,channel,business,outcome,amount_fen\n";
    for (int i = 0; i < rows; ++i)
        text += std::to_string(i * 1000LL) + ",13800000001,web,payment,ok,100\n";
    return text + "not-a-time,13800000001,web,payment,ok,100\n";
}

using ehall::testing::FileOp;

// The first write that a power cut right after it could leave unrecoverable, or the end if
// none: a write into the database file while the WAL holds pages not yet synced (a checkpoint
// copying frames that might not survive), or the last write to either file with no sync
// after it (data reported as imported that might not survive).
std::string first_unsafe_write(const std::vector<FileOp>& ops) {
    bool wal_unsynced = false, database_unsynced = false;
    for (std::size_t i = 0; i < ops.size(); ++i) {
        const bool wal = ops[i].file == FileOp::File::wal;
        if (ops[i].kind == FileOp::Kind::sync) {
            (wal ? wal_unsynced : database_unsynced) = false;
        } else if (wal) {
            wal_unsynced = true;
        } else if (wal_unsynced) {
            return "database write " + std::to_string(i) + " before the WAL was synced";
        } else {
            database_unsynced = true;
        }
    }
    if (wal_unsynced)
        return "the WAL was not synced after its last write";
    if (database_unsynced)
        return "the database was not synced after its last write";
    return {};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(analytics_event_import)

BOOST_AUTO_TEST_CASE(the_import_is_on_disk_before_it_returns_in_an_order_a_power_cut_cannot_break) {
    TempFiles files;
    const auto csv = files.csv(many_events_then_a_bad_line(20000));
    open_journal(files.journal());  // a journal as the gateway leaves it
    ehall::testing::FileOpRecorder recorder;
    BOOST_TEST(import_events(csv, files.journal(), true).imported == 20000u);
    const auto ops = recorder.ops(files.journal());  // the summary file is derived, its own
    BOOST_TEST(first_unsafe_write(ops) == "");
    const auto synced = [&ops](FileOp::File file) {
        return std::any_of(ops.begin(), ops.end(), [file](const FileOp& op) {
            return op.file == file && op.kind == FileOp::Kind::sync;
        });
    };
    BOOST_TEST(synced(FileOp::File::wal));       // the commit
    BOOST_TEST(synced(FileOp::File::database));  // the checkpoint at the end
}

BOOST_AUTO_TEST_CASE(a_bad_last_line_rolls_back_every_batch_before_it) {
    TempFiles files;
    const auto result =
        import_events(files.csv(many_events_then_a_bad_line(20000)), files.journal(), false);
    BOOST_TEST(!result.committed);
    BOOST_REQUIRE_EQUAL(result.bad.size(), 1u);
    BOOST_TEST(result.bad[0].line == 20002u);
    BOOST_TEST(imported_times(files.journal()).empty());
}

BOOST_AUTO_TEST_CASE(rows_are_written_whole_and_in_file_order) {
    TempFiles files;
    const auto result =
        import_events(files.csv(many_events_then_a_bad_line(20000)), files.journal(), true);
    BOOST_TEST(result.committed);
    BOOST_TEST(result.imported == 20000u);
    const auto times = imported_times(files.journal());
    BOOST_REQUIRE_EQUAL(times.size(), 20000u);
    for (std::size_t i = 0; i < times.size(); ++i)
        BOOST_REQUIRE_EQUAL(times[i], static_cast<std::int64_t>(i) * 1000);
}

BOOST_AUTO_TEST_CASE(a_time_before_the_epoch_is_a_bad_line) {
    TempFiles files;
    const auto result = import_events(files.csv(kAroundTheEpoch), files.journal(), false);
    BOOST_TEST(!result.committed);
    BOOST_TEST(result.imported == 0u);
    BOOST_REQUIRE_EQUAL(result.bad.size(), 1u);
    BOOST_TEST(result.bad[0].line == 3u);
    BOOST_TEST(result.bad[0].reason ==
               "ts '1970-01-01T07:59:59+08:00' is before 1970-01-01T00:00:00Z");
    BOOST_TEST(imported_times(files.journal()).empty());
}

BOOST_AUTO_TEST_CASE(a_local_time_in_1969_after_the_epoch_imports) {
    TempFiles files;
    const auto result =
        import_events(files.csv("ts,msisdn,channel,business,outcome\n"
                                "1969-12-31T20:00:00-05:00,13800000001,hall,payment,ok\n"
                                "1969-12-31T23:59:59+00:00,13800000001,hall,payment,ok\n"),
                      files.journal(), true);
    BOOST_TEST(result.imported == 1u);
    BOOST_REQUIRE_EQUAL(result.bad.size(), 1u);
    BOOST_TEST(result.bad[0].reason ==
               "ts '1969-12-31T23:59:59+00:00' is before 1970-01-01T00:00:00Z");
    BOOST_TEST(imported_times(files.journal()) == (std::vector<std::int64_t>{3600 * 1000}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(skip_bad_keeps_the_times_from_the_epoch_on) {
    TempFiles files;
    const auto result = import_events(files.csv(kAroundTheEpoch), files.journal(), true);
    BOOST_TEST(result.committed);
    BOOST_TEST(result.imported == 2u);
    BOOST_REQUIRE_EQUAL(result.bad.size(), 1u);
    BOOST_TEST(result.bad[0].line == 3u);
    BOOST_TEST(imported_times(files.journal()) == (std::vector<std::int64_t>{0, 5 * 3600 * 1000}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
