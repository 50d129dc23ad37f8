#include "gateway/journal/wal_checkpointer.hpp"

#include <spdlog/spdlog.h>
#include <sqlite3.h>

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <utility>

namespace ehall {
namespace {

// A busy handler that retries every millisecond, `kAttempts` times: a waiter goes on as soon
// as the lock is free rather than after one of the growing sleeps of SQLite's own handler
// (up to 100 ms each).
template <int kAttempts>
int retry_every_millisecond(void*, int attempts) {
    if (attempts >= kAttempts)
        return 0;
    sqlite3_sleep(1);
    return 1;
}

// How long a RESTART or TRUNCATE checkpoint waits for the writer's transaction or a reader to
// end: the writer's transaction ends within a few ms (the writer pauses before its next one,
// see before_transaction), a reader's may not. When it runs out the checkpoint copies what it
// can, as a PASSIVE one.
constexpr int kCheckpointAttempts = 30;
// The writer waits for a RESTART as long as the schema's busy_timeout (5 s).
constexpr int kWriterAttempts = 5000;

// The longest the writer pauses before a transaction while a RESTART runs: the RESTART's own
// wait and its copying and fsyncs, with room to spare. Past it the writer goes on.
constexpr auto kWriterPause = std::chrono::milliseconds(100);

const char* mode_name(int mode) {
    switch (mode) {
        case SQLITE_CHECKPOINT_PASSIVE:
            return "passive";
        case SQLITE_CHECKPOINT_RESTART:
            return "restart";
        default:
            return "truncate";
    }
}

}  // namespace

WalCheckpointer::WalCheckpointer(const std::filesystem::path& path, Options options)
    : options_(options) {
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK ||
        sqlite3_busy_handler(db_, &retry_every_millisecond<kCheckpointAttempts>, nullptr) !=
            SQLITE_OK ||
        // A first read opens the WAL; until then checkpoints find no WAL to copy.
        sqlite3_exec(db_, "SELECT 1 FROM sqlite_master LIMIT 1", nullptr, nullptr, nullptr) !=
            SQLITE_OK ||
        sqlite3_exec(db_, "PRAGMA page_size", &WalCheckpointer::page_size_row, this, nullptr) !=
            SQLITE_OK) {
        const std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(std::exchange(db_, nullptr));
        throw std::runtime_error("journal: cannot open " + path.string() +
                                 " to checkpoint it: " + message);
    }
    thread_ = std::thread([this] { run(); });
}

WalCheckpointer::~WalCheckpointer() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    thread_.join();
    if (writer_)
        sqlite3_wal_hook(writer_, nullptr, nullptr);
    sqlite3_close(std::exchange(db_, nullptr));
}

void WalCheckpointer::attach(sqlite3* writer) {
    const std::string limit =
        "PRAGMA journal_size_limit=" + std::to_string(options_.size_limit_bytes);
    if (sqlite3_exec(writer, limit.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK)
        throw std::runtime_error(std::string("journal: ") + sqlite3_errmsg(writer));
    sqlite3_busy_handler(writer, &retry_every_millisecond<kWriterAttempts>, nullptr);
    // Replaces the automatic checkpoint (sqlite3_wal_autocheckpoint is a wal hook too).
    sqlite3_wal_hook(writer, &WalCheckpointer::wal_hook, this);
    writer_ = writer;
}

void WalCheckpointer::before_transaction() noexcept {
    std::unique_lock lock(mutex_);
    if (restarting_)
        restart_done_.wait_for(lock, kWriterPause, [this] { return !restarting_; });
}

void WalCheckpointer::committed(int wal_frames) noexcept {
    {
        std::lock_guard lock(mutex_);
        if (wal_frames < wal_frames_)  // the writer started the WAL over
            backfilled_ = next_restart_frames_ = 0;
        wal_frames_ = wal_frames;
        ++commits_;
    }
    wake_.notify_one();
}

int WalCheckpointer::wal_hook(void* context, sqlite3*, const char*, int wal_frames) {
    static_cast<WalCheckpointer*>(context)->committed(wal_frames);
    return SQLITE_OK;
}

int WalCheckpointer::page_size_row(void* context, int columns, char** values, char**) {
    auto* self = static_cast<WalCheckpointer*>(context);
    const std::int64_t page = columns == 1 && values[0] ? std::atoll(values[0]) : 4096;
    const auto frames = [page](std::int64_t bytes) {
        return static_cast<int>(std::clamp<std::int64_t>(bytes / page, 1, INT_MAX));
    };
    self->passive_frames_ = frames(self->options_.passive_bytes);
    self->restart_frames_ = frames(self->options_.restart_bytes);
    return SQLITE_OK;
}

void WalCheckpointer::run() {
    std::unique_lock lock(mutex_);
    std::uint64_t seen = commits_;  // commits already considered
    // Nothing committed since the last TRUNCATE; not at first, as the WAL may hold frames from
    // before this thread started (commits it did not see, or a previous run).
    bool truncated = false;
    for (;;) {
        const bool due = wake_.wait_for(lock, options_.idle_after, [&] {
            return stopping_ ||
                   (commits_ != seen &&
                    (wal_frames_ >= restart_at() || wal_frames_ - backfilled_ >= passive_frames_));
        });
        if (stopping_)
            break;
        const bool committed = commits_ != seen;
        seen = commits_;
        if (committed)
            truncated = false;
        if (!due) {  // idle_after passed: a TRUNCATE once a whole period went by without commits
            if (!committed && !truncated) {
                checkpoint(lock, SQLITE_CHECKPOINT_TRUNCATE);
                truncated = true;
            }
            continue;
        }
        const bool restart = wal_frames_ >= restart_at();
        std::unique_lock<std::mutex> no_long_reads;
        if (restart && options_.long_reads) {
            lock.unlock();
            no_long_reads = std::unique_lock(*options_.long_reads);
            lock.lock();
        }
        // A PASSIVE one first, so that a RESTART, holding the writer off, only has the frames
        // committed meanwhile to copy.
        if (restart ? wal_frames_ > backfilled_ : wal_frames_ - backfilled_ >= passive_frames_)
            checkpoint(lock, SQLITE_CHECKPOINT_PASSIVE);
        if (restart)
            restart_wal(lock);
    }
    checkpoint(lock, SQLITE_CHECKPOINT_TRUNCATE);
}

// Under sustained load the writer is nearly always inside a transaction: a RESTART that merely
// polled for the writer lock mostly missed the moments between them and fell back to PASSIVE,
// so the WAL did not start over and every following commit tried again, each try holding the
// writer off (measured: 8-10 RESTARTs in a row at 200k records/s). The writer now pauses before
// its next transaction while one runs, so it gets the lock as soon as the current one commits.
// One that still fails (a reader on an old snapshot) is not retried until the WAL has grown by
// another passive_bytes.
void WalCheckpointer::restart_wal(std::unique_lock<std::mutex>& lock) {
    restarting_ = true;
    const bool restarted = checkpoint(lock, SQLITE_CHECKPOINT_RESTART);
    restarting_ = false;
    restart_done_.notify_all();
    next_restart_frames_ = restarted ? 0 : wal_frames_ + passive_frames_;
}

bool WalCheckpointer::checkpoint(std::unique_lock<std::mutex>& lock, int mode) {
    lock.unlock();
    int log = 0, copied = 0;
    const int rc = sqlite3_wal_checkpoint_v2(db_, nullptr, mode, &log, &copied);
    if (rc != SQLITE_OK && rc != SQLITE_BUSY) {
        try {
            spdlog::warn("journal: {} checkpoint failed: {}", mode_name(mode), sqlite3_errmsg(db_));
        } catch (...) {
        }
    }
    lock.lock();
    // After a RESTART or TRUNCATE that succeeded the writer's next commit starts the WAL over
    // and reports its new size.
    if (mode != SQLITE_CHECKPOINT_PASSIVE && rc == SQLITE_OK)
        wal_frames_ = backfilled_ = 0;
    else if (copied > backfilled_)
        backfilled_ = copied;
    return rc == SQLITE_OK;
}

}  // namespace ehall
