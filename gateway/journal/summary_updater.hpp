// Keeps the journal's summary file (journal_summary.hpp) up to date inside the gateway: a pass
// every `interval` on a thread and connection of its own, so the journal's writer never waits
// for one (they write different files).
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <thread>

#include "gateway/journal/journal_summary.hpp"

struct sqlite3;

namespace ehall {

class SummaryUpdater {
  public:
    // Opens the journal at `journal_db` (already made by the writer) with its summary and
    // starts the thread; throws std::runtime_error when it cannot. `long_reads` and
    // `writer_behind`, shared with the journal's writer, must outlive it (SummaryPasses).
    SummaryUpdater(const std::filesystem::path& journal_db, std::chrono::milliseconds interval,
                   std::mutex* long_reads, const std::atomic<bool>* writer_behind);
    // A last pass, then stops.
    ~SummaryUpdater();
    SummaryUpdater(const SummaryUpdater&) = delete;
    SummaryUpdater& operator=(const SummaryUpdater&) = delete;

    // Blocks until a pass that started after the call has ended; false when it failed.
    bool update_now();
    // How long ago the summary was last known to cover every journal row: the start of the
    // last pass that caught up (from the updater's start until one has).
    double lag_seconds() const;

  private:
    // Rows a pass copies from the journal, which bounds how long it holds the journal's
    // snapshot; and rows merged in one transaction of the summary file when the copies are
    // behind, which bounds its size and how long it holds that file's lock against a report's
    // own pass. A merge writes most pages of the summary's tables whatever its size (customers
    // come at random), so a larger one writes less per row: at 200k records/s a merge of 500k
    // rows finished the summary in half the time one of 100k did.
    static constexpr std::int64_t kRowsPerCopy = 100'000;
    static constexpr std::int64_t kRowsPerMerge = 500'000;

    void run();

    sqlite3* db_ = nullptr;
    std::chrono::milliseconds interval_;
    SummaryPasses passes_;
    mutable std::mutex mutex_;
    std::condition_variable wake_, done_;
    std::uint64_t requested_ = 0;  // passes asked for by update_now
    std::uint64_t finished_ = 0;   // passes ended
    std::chrono::steady_clock::time_point covered_until_ = std::chrono::steady_clock::now();
    bool running_ = false;
    bool last_ok_ = true;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace ehall
