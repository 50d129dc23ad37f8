// Checkpoints the journal's WAL from a connection and thread of its own, so that the writer's
// commits never wait for a checkpoint's copying and fsyncs (with synchronous=NORMAL in WAL mode
// those are the only fsyncs). The writer turns its automatic checkpoint off and reports the
// WAL's size after each commit; this thread then
// - runs a PASSIVE checkpoint once passive_bytes of frames were added since the last one;
// - runs a RESTART checkpoint when the WAL holds restart_bytes of frames or more, which waits for
//   the writer's transaction to end (the writer pauses before its next one meanwhile, see
//   before_transaction) and holds the writer off while it copies the frames the
//   last PASSIVE one left: the WAL is then written from its start again, so under sustained
//   load it stays about restart_bytes (journal_size_limit trims the file to size_limit_bytes)
//   unless a reader keeps an old snapshot open. The gateway's own long reads (long_reads) it
//   waits for before that PASSIVE, with the writer still writing;
// - runs a TRUNCATE checkpoint when no commit came for idle_after, so an idle journal leaves
//   an empty WAL behind.
#pragma once

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <thread>

struct sqlite3;

namespace ehall {

class WalCheckpointer {
  public:
    struct Options {
        // SQLite's own automatic checkpoint threshold: 1,000 pages of its default 4 KiB.
        std::int64_t passive_bytes = 1000 * 4096;
        // 64 MiB (about 100k records): at most one RESTART, which holds the writer off for
        // its fsyncs, per that much WAL.
        std::int64_t restart_bytes = 16000 * 4096;
        // The WAL file is cut back to this when the writer starts it over. Above restart_bytes,
        // which the WAL passes while a RESTART waits for long_reads: cutting a file that was
        // being written back held the writer's next commit for 70 ms.
        std::int64_t size_limit_bytes = 4 * restart_bytes;
        std::chrono::milliseconds idle_after{1000};
        // Held by the gateway's own long readers of the journal (the summary's copies, see
        // SummaryUpdater) while they read. A RESTART would wait for them holding the writer off
        // (measured: up to 190 ms at 200k records/s); it takes this first, so it waits with
        // the writer still writing.
        std::mutex* long_reads = nullptr;
    };

    // Opens its own connection to `path` (a WAL-mode journal) and starts the thread; throws
    // std::runtime_error when it cannot open the file.
    WalCheckpointer(const std::filesystem::path& path, Options options);
    // Stops the thread after a last TRUNCATE checkpoint and detaches from the writer.
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer&) = delete;
    WalCheckpointer& operator=(const WalCheckpointer&) = delete;

    // Takes over the checkpoints of `writer`, the journal writer's connection (which must
    // outlive this): its commits report here instead of checkpointing themselves, its WAL
    // file is cut back to restart_bytes when written from its start again, and its busy
    // handler retries every millisecond (for 5 s, the schema's busy_timeout). Throws
    // std::runtime_error when SQLite refuses the setting.
    void attach(sqlite3* writer);
    // The writer calls this before each transaction: while a RESTART runs it waits for it (at
    // most 100 ms), so that the RESTART gets the write lock between two transactions.
    void before_transaction() noexcept;

  private:
    // The writer's commit left `wal_frames` frames in the WAL (its sqlite3_wal_hook).
    void committed(int wal_frames) noexcept;
    static int wal_hook(void* context, sqlite3* db, const char* name, int wal_frames);
    // Sets passive_frames_ and restart_frames_ from the row of PRAGMA page_size.
    static int page_size_row(void* context, int columns, char** values, char** names);
    void run();
    // Runs one checkpoint of `mode` (SQLITE_CHECKPOINT_*) with mutex_ released; true when it
    // did all the mode asks.
    bool checkpoint(std::unique_lock<std::mutex>& lock, int mode);
    void restart_wal(std::unique_lock<std::mutex>& lock);
    int restart_at() const { return std::max(restart_frames_, next_restart_frames_); }

    Options options_;
    sqlite3* db_ = nullptr;
    sqlite3* writer_ = nullptr;  // attached, if any

    std::mutex mutex_;
    std::condition_variable wake_;
    int passive_frames_ = 0, restart_frames_ = 0;  // the options in pages of the file
    int wal_frames_ = 0;                           // as the writer's last commit left them
    int backfilled_ = 0;  // frames the last checkpoint copied into the database file
    std::uint64_t commits_ = 0;
    bool restarting_ = false;      // a RESTART runs: the writer waits before a transaction
    int next_restart_frames_ = 0;  // after a RESTART that failed, the next try's WAL size
    std::condition_variable restart_done_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace ehall
