// The interaction log, written by one background thread in batches: a separate SQLite file,
// or with a database URL the `interactions` table of the PostgreSQL store (journal_sink.hpp).
// Requests only enqueue; they never wait for the disk.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "gateway/journal/interaction_record.hpp"

namespace ehall {

class JournalSink;
class SummaryUpdater;

class Journal {
  public:
    struct Options {
        std::filesystem::path path;  // e.g. var/journal.db
        // A postgresql:// URI (store.url): the records go there and `path` is not used.
        std::string database_url{};
        std::chrono::milliseconds flush_interval{100};
        // Queued records that wake the writer before the interval; it then writes the whole
        // queue in one transaction.
        std::size_t batch_size = 2000;
        std::size_t queue_capacity = 200000;
        // How often the summary file (journal_summary.hpp) takes in the records written since;
        // on PostgreSQL the summary is written with each batch.
        std::chrono::milliseconds summary_interval{1000};
    };

    struct Stats {
        std::size_t queue_depth = 0;
        std::uint64_t appended = 0;
        std::uint64_t written = 0;
        std::uint64_t dropped = 0;
        std::uint64_t batches = 0;
        std::uint64_t write_errors = 0;
        // Age of the oldest record still waiting to be written, 0 when the queue is empty.
        double flush_lag_seconds = 0;
        // How long ago the summary file last covered every written record (it is brought up
        // to date every summary_interval); 0 once stopped.
        double summary_lag_seconds = 0;
    };

    // Opens (and creates) the journal and starts the writer thread; throws
    // std::runtime_error or StoreError when it cannot.
    explicit Journal(Options options);
    // Stops the writer after writing everything queued.
    ~Journal();
    Journal(const Journal&) = delete;
    Journal& operator=(const Journal&) = delete;

    // Enqueues a record. Returns false, counts and logs the drop when the queue is full.
    bool append(InteractionRecord record) noexcept;
    // Blocks until every record appended before the call has been written.
    void flush();
    // flush(), then blocks until the summary covers what it wrote; false when that failed or
    // the journal is stopped.
    bool flush_summary();
    // Copies of the newest `limit` records of `msisdn` still queued (oldest first): with the
    // file read after this call, every record appended before it, without a flush. A record
    // written meanwhile is in both.
    std::vector<InteractionRecord> pending_for(std::string_view msisdn, std::size_t limit) const;
    // The customer's newest `limit` written records, newest first.
    std::vector<InteractionLine> written_for(const std::string& msisdn, int limit) const;
    // Writes everything queued and stops the writer; later appends are dropped.
    void stop();
    Stats stats() const;
    const std::filesystem::path& path() const { return options_.path; }

  private:
    struct Pending {
        InteractionRecord record;
        std::chrono::steady_clock::time_point enqueued;
    };

    void run();
    // Takes the queue and writes it in one transaction, again while more came meanwhile; false
    // when a write failed (what it took stays taken, and is written first next time).
    bool drain(std::unique_lock<std::mutex>& lock);
    void note_drop(std::unique_lock<std::mutex>& lock, const char* reason) noexcept;

    Options options_;
    // On SQLite, shared by the writer's checkpointer and the summary's updater
    // (WalCheckpointer::Options and SummaryUpdater), which outlive neither.
    std::mutex long_reads_;
    // Whether the batch the writer took last was large: it is falling behind. Until it is
    // not, the summary's updater slows down to leave it the CPU.
    std::atomic<bool> writer_behind_{false};
    std::unique_ptr<JournalSink> sink_;        // the writer's only, but for written_for
    mutable std::mutex summary_mutex_;         // guards the pointer, which stop() clears
    std::shared_ptr<SummaryUpdater> summary_;  // SQLite only

    mutable std::mutex mutex_;
    std::condition_variable wake_;      // wakes the writer
    std::condition_variable progress_;  // wakes flush() callers
    // Appended records not yet taken by the writer.
    std::vector<Pending> queue_;
    // Taken by the writer and not written yet, so a failed write loses nothing; counted in the
    // queue depth, the capacity and the flush lag. Only the writer changes it, always under
    // mutex_, so pending_for and stats can read it under it while the writer reads it unlocked.
    std::vector<Pending> taken_;
    std::uint64_t appended_ = 0;
    std::uint64_t written_ = 0;
    std::uint64_t abandoned_ = 0;  // given up on at stop after repeated write errors
    std::uint64_t dropped_ = 0;
    std::uint64_t batches_ = 0;
    std::uint64_t write_errors_ = 0;
    std::uint64_t drops_since_log_ = 0;
    std::chrono::steady_clock::time_point last_drop_log_{};
    std::size_t flush_waiters_ = 0;
    bool stopping_ = false;
    bool writer_done_ = false;

    std::mutex join_mutex_;
    std::thread writer_;
};

}  // namespace ehall
