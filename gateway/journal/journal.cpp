#include "gateway/journal/journal.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "gateway/journal/pg_journal_sink.hpp"
#include "gateway/journal/sqlite_journal_sink.hpp"
#include "gateway/journal/summary_updater.hpp"

namespace ehall {
namespace {

using std::chrono::milliseconds;
using SteadyClock = std::chrono::steady_clock;

// Records of queue capacity the writer keeps allocated between batches (about 16 MiB).
constexpr std::size_t kKeptCapacity = 32768;

// A batch of this many times batch_size means the writer is falling behind: it took longer to
// write the last one than the queue took to fill this far.
constexpr std::size_t kBehindBatches = 2;

// How often stop() retries a failing write before it gives up on the queued records.
constexpr int kStopAttempts = 3;

// The table's CHECK constraints, enforced here so one bad record cannot block a batch forever.
const char* invalid_reason(const InteractionRecord& r) {
    if (r.channel.empty())
        return "a record has no channel";
    const auto& o = r.outcome;
    if (o != "ok" && o != "declined" && o != "error" && o != "rejected")
        return "a record has an invalid outcome";
    if (!r.source.empty() && r.source != "gateway" && r.source != "import")
        return "a record has an invalid source";
    return nullptr;
}

}  // namespace

Journal::Journal(Options options) : options_(std::move(options)) {
    if (!options_.database_url.empty()) {
        sink_ = std::make_unique<PgJournalSink>(options_.database_url);
    } else {
        sink_ = std::make_unique<SqliteJournalSink>(options_.path, &long_reads_);
        summary_ = std::make_shared<SummaryUpdater>(options_.path, options_.summary_interval,
                                                    &long_reads_, &writer_behind_);
    }
    options_.batch_size = std::max<std::size_t>(options_.batch_size, 1);
    options_.flush_interval =
        std::clamp(options_.flush_interval, milliseconds(1), milliseconds(std::chrono::hours(24)));
    writer_ = std::thread([this] { run(); });
}

Journal::~Journal() {
    stop();
}

bool Journal::append(InteractionRecord record) noexcept {
    const char* rejected = invalid_reason(record);
    std::unique_lock lock(mutex_);
    if (!rejected && stopping_)
        rejected = "the journal is stopped";
    if (!rejected && queue_.size() + taken_.size() >= options_.queue_capacity)
        rejected = "the queue is full";
    if (!rejected) {
        try {
            queue_.push_back({std::move(record), SteadyClock::now()});
        } catch (const std::bad_alloc&) {
            rejected = "out of memory";
        }
    }
    if (rejected) {
        note_drop(lock, rejected);
        return false;
    }
    ++appended_;
    const bool full_batch = queue_.size() == options_.batch_size;
    lock.unlock();
    if (full_batch)
        wake_.notify_one();
    return true;
}

void Journal::note_drop(std::unique_lock<std::mutex>& lock, const char* reason) noexcept {
    ++dropped_;
    ++drops_since_log_;
    const auto now = SteadyClock::now();
    if (now - last_drop_log_ < std::chrono::seconds(1))
        return;
    last_drop_log_ = now;
    const auto count = std::exchange(drops_since_log_, 0);
    const auto total = dropped_;
    lock.unlock();
    try {
        spdlog::warn("journal: dropped {} record(s) since the last warning ({} in total): {}",
                     count, total, reason);
    } catch (...) {
    }
}

void Journal::flush() {
    std::unique_lock lock(mutex_);
    const std::uint64_t target = appended_;
    auto done = [&] { return written_ + abandoned_ >= target || writer_done_; };
    if (done())
        return;
    ++flush_waiters_;
    wake_.notify_one();
    progress_.wait(lock, done);
    --flush_waiters_;
}

bool Journal::flush_summary() {
    flush();
    if (!options_.database_url.empty()) {  // each batch brought its summary up to date
        std::lock_guard lock(mutex_);
        return !writer_done_;
    }
    std::shared_ptr<SummaryUpdater> summary;
    {
        std::lock_guard lock(summary_mutex_);
        summary = summary_;
    }
    return summary && summary->update_now();
}

std::vector<InteractionLine> Journal::written_for(const std::string& msisdn, int limit) const {
    return sink_->written_for(msisdn, limit);
}

std::vector<InteractionRecord> Journal::pending_for(std::string_view msisdn,
                                                    std::size_t limit) const {
    std::vector<InteractionRecord> records;
    std::lock_guard lock(mutex_);
    for (auto it = queue_.rbegin(); it != queue_.rend() && records.size() < limit; ++it) {
        if (it->record.msisdn == msisdn)
            records.push_back(it->record);
    }
    // Then the older ones the writer has taken but not written yet.
    for (std::size_t i = taken_.size(); i > 0 && records.size() < limit; --i) {
        if (taken_[i - 1].record.msisdn == msisdn)
            records.push_back(taken_[i - 1].record);
    }
    std::reverse(records.begin(), records.end());
    return records;
}

void Journal::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    std::lock_guard join(join_mutex_);
    if (writer_.joinable()) {
        writer_.join();
        sink_->writer_stopped();
    }
    std::shared_ptr<SummaryUpdater> summary;
    {
        std::lock_guard lock(summary_mutex_);
        summary.swap(summary_);
    }
    summary.reset();  // its last pass, after the last record (or flush_summary's, after it)
}

Journal::Stats Journal::stats() const {
    Stats s;
    {
        std::lock_guard lock(summary_mutex_);
        if (summary_)
            s.summary_lag_seconds = summary_->lag_seconds();
    }
    std::lock_guard lock(mutex_);
    s.queue_depth = queue_.size() + taken_.size();
    s.appended = appended_;
    s.written = written_;
    s.dropped = dropped_ + abandoned_;
    s.batches = batches_;
    s.write_errors = write_errors_;
    if (!taken_.empty() || !queue_.empty()) {
        const auto oldest = !taken_.empty() ? taken_.front().enqueued : queue_.front().enqueued;
        const std::chrono::duration<double> age = SteadyClock::now() - oldest;
        s.flush_lag_seconds = age.count();
    }
    return s;
}

void Journal::run() {
    // After a failed write, wait before retrying even if a full batch is waiting.
    const auto retry_delay =
        std::clamp(options_.flush_interval, milliseconds(50), milliseconds(1000));
    std::unique_lock lock(mutex_);
    bool failing = false;
    int failures_while_stopping = 0;
    for (;;) {
        if (failing) {
            const auto until = SteadyClock::now() + retry_delay;
            wake_.wait_until(lock, until, [] { return false; });  // ignores wake-ups
        } else {
            // Half the interval, so waiting plus writing a batch stays within it: no record is
            // older than flush_interval when it reaches the file (the flush lag gauge).
            wake_.wait_for(lock, std::max(options_.flush_interval / 2, milliseconds(1)), [this] {
                return stopping_ || queue_.size() >= options_.batch_size ||
                       (flush_waiters_ > 0 && !queue_.empty());
            });
        }
        failing = !drain(lock);
        if (!stopping_)
            continue;
        if (!failing)
            break;  // stopping_ forbids appends, so the queue stays empty
        if (++failures_while_stopping >= kStopAttempts) {
            const std::size_t lost = queue_.size() + taken_.size();
            abandoned_ += lost;
            queue_.clear();
            taken_.clear();
            spdlog::error("journal: gave up on {} record(s) at shutdown after {} failed writes",
                          lost, kStopAttempts);
            break;
        }
    }
    writer_done_ = true;
    // The summary's last pass at full speed.
    writer_behind_.store(false, std::memory_order_relaxed);
    progress_.notify_all();
}

bool Journal::drain(std::unique_lock<std::mutex>& lock) {
    std::vector<const InteractionRecord*> batch;
    for (;;) {
        if (taken_.empty()) {
            if (queue_.empty())
                return true;
            // Take the whole queue in one swap; appends go on into the emptied vector.
            taken_.swap(queue_);
        }
        const std::size_t n = taken_.size();
        writer_behind_.store(n >= kBehindBatches * options_.batch_size, std::memory_order_relaxed);
        lock.unlock();
        batch.clear();
        for (const Pending& pending : taken_)
            batch.push_back(&pending.record);
        std::optional<std::string> error;
        try {
            error = sink_->insert(batch);
        } catch (const std::exception& e) {
            error = e.what();
        }
        if (error) {
            spdlog::error("journal: writing {} record(s) to {} failed, will retry: {}", n,
                          sink_->describe(), *error);
        }
        lock.lock();
        if (error) {
            ++write_errors_;
            return false;
        }
        written_ += n;
        ++batches_;
        // Written records leave under the lock (pending_for reads them) and are freed outside
        // it; a small vector comes back for the next swap, a large one is released.
        std::vector<Pending> spent;
        spent.swap(taken_);
        lock.unlock();
        spent.clear();
        lock.lock();
        if (spent.capacity() <= kKeptCapacity)
            taken_.swap(spent);
        progress_.notify_all();
    }
}

}  // namespace ehall
