#include "gateway/journal/summary_updater.hpp"

#include <spdlog/spdlog.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <stdexcept>
#include <string>
#include <utility>

#include "gateway/journal/journal_summary.hpp"

namespace ehall {

SummaryUpdater::SummaryUpdater(const std::filesystem::path& journal_db,
                               std::chrono::milliseconds interval, std::mutex* long_reads,
                               const std::atomic<bool>* writer_behind)
    : interval_(interval),
      passes_{.rows_per_copy = kRowsPerCopy,
              .rows_per_merge = kRowsPerMerge,
              .copy_lock = long_reads,
              .slow_down = writer_behind} {
    // CREATE for the summary file, which ATTACH opens with these flags.
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(journal_db.c_str(), &db_, flags, nullptr) != SQLITE_OK ||
        sqlite3_busy_timeout(db_, 5000) != SQLITE_OK ||
        attach_journal_summary(db_, journal_db, true) != SQLITE_OK ||
        // A pass re-reads the pages it dirties many times; 32 MiB holds them for about a
        // million customers.
        sqlite3_exec(db_, "PRAGMA summary.cache_size=-32768", nullptr, nullptr, nullptr) !=
            SQLITE_OK) {
        const std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(std::exchange(db_, nullptr));
        throw std::runtime_error("journal: cannot open the summary of " + journal_db.string() +
                                 ": " + message);
    }
    thread_ = std::thread([this] { run(); });
}

SummaryUpdater::~SummaryUpdater() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    thread_.join();
    sqlite3_close(std::exchange(db_, nullptr));
}

bool SummaryUpdater::update_now() {
    std::unique_lock lock(mutex_);
    // A pass running now may have read the journal before the call: wait for the next one.
    const std::uint64_t target = finished_ + (running_ ? 2 : 1);
    requested_ = std::max(requested_, target);
    wake_.notify_one();
    done_.wait(lock, [&] { return finished_ >= target || stopping_; });
    return finished_ >= target && last_ok_;
}

double SummaryUpdater::lag_seconds() const {
    std::lock_guard lock(mutex_);
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - covered_until_).count();
}

void SummaryUpdater::run() {
    // Below the writer and the request threads: when the CPUs are busy, records reaching the
    // journal and answers reaching customers come first, and the summary catches up after.
    setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 10);
    std::unique_lock lock(mutex_);
    for (;;) {
        wake_.wait_for(lock, interval_, [this] { return stopping_ || requested_ > finished_; });
        const bool last = stopping_;
        running_ = true;
        const auto started = std::chrono::steady_clock::now();
        lock.unlock();
        const auto error = update_journal_summary(db_, passes_);
        if (error && *error == sqlite3_errstr(SQLITE_BUSY))  // an import holds it for seconds
            spdlog::warn(
                "journal: the summary is being written by another process (an import "
                "or a report), will retry");
        else if (error)
            spdlog::error("journal: updating the summary failed, will retry: {}", *error);
        lock.lock();
        running_ = false;
        last_ok_ = !error;
        if (!error)
            covered_until_ = started;
        ++finished_;
        done_.notify_all();
        if (last)
            return;
    }
}

}  // namespace ehall
