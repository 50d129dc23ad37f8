#include "gateway/journal/journal.hpp"

#include <spdlog/spdlog.h>
#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "gateway/journal/journal_schema.hpp"
#include "gateway/journal/summary_updater.hpp"
#include "gateway/journal/wal_checkpointer.hpp"

namespace ehall {
namespace {

using std::chrono::milliseconds;
using SteadyClock = std::chrono::steady_clock;

constexpr int kColumns = 16;
// Rows per INSERT statement, largest first: one statement for many rows saves most of
// SQLite's per-statement work (about a third of the writer's time with one row each). A batch
// is written with as many of the largest as fit, then the next size down for the rest.
constexpr std::array<int, 4> kRowsPerInsert = {1024, 64, 8, 1};
static_assert(kRowsPerInsert[0] * kColumns <= 32766, "SQLite's limit on parameters");

// INSERT INTO interactions (...) VALUES (?, ...), ... with `rows` rows.
std::string insert_sql(int rows) {
    std::string sql =
        "INSERT INTO interactions (ts_ms, channel, subchannel, terminal_id, session_id, "
        "request_id, msisdn, plugin, operation, business, outcome, code, latency_us, amount_fen, "
        "offer_id, source) VALUES ";
    for (int row = 0; row < rows; ++row) {
        sql.append(row == 0 ? "(" : ", (");
        for (int column = 0; column < kColumns; ++column)
            sql.append(column == 0 ? "?" : ", ?");
        sql.append(")");
    }
    return sql;
}

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

int bind_text(sqlite3_stmt* stmt, int index, const std::string& value) {
    if (value.empty())
        return sqlite3_bind_null(stmt, index);
    return sqlite3_bind_text(stmt, index, value.data(), static_cast<int>(value.size()),
                             SQLITE_STATIC);
}

}  // namespace

class Journal::Database {
  public:
    Database(const std::filesystem::path& path, std::mutex* long_reads) {
        if (path.has_parent_path())
            std::filesystem::create_directories(path.parent_path());
        const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
        bool opened = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) == SQLITE_OK &&
                      apply_journal_schema(db_) == SQLITE_OK;
        for (std::size_t i = 0; opened && i < kRowsPerInsert.size(); ++i)
            opened = prepare(insert_sql(kRowsPerInsert[i]), &inserts_[i]);
        if (!opened) {
            const std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
            close();
            throw std::runtime_error("journal: cannot open " + path.string() + ": " + message);
        }
        try {
            checkpointer_.emplace(path, WalCheckpointer::Options{.long_reads = long_reads});
            checkpointer_->attach(db_);
        } catch (...) {
            close();
            throw;
        }
    }
    ~Database() { close(); }
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // Inserts the batch in one transaction. Returns the error, with everything rolled back.
    std::optional<std::string> insert(const std::vector<const InteractionRecord*>& batch) {
        auto fail = [this] {
            std::string error = sqlite3_errmsg(db_);
            for (sqlite3_stmt* stmt : inserts_)
                sqlite3_reset(stmt);
            if (!sqlite3_get_autocommit(db_))
                sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
            return error;
        };
        checkpointer_->before_transaction();
        if (sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK)
            return fail();
        std::size_t at = 0;
        for (std::size_t i = 0; i < kRowsPerInsert.size(); ++i) {
            const auto rows = static_cast<std::size_t>(kRowsPerInsert[i]);
            for (; batch.size() - at >= rows; at += rows) {
                if (!insert(inserts_[i], &batch[at], kRowsPerInsert[i]))
                    return fail();
            }
        }
        if (sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK)
            return fail();
        return std::nullopt;
    }

  private:
    bool prepare(const std::string& sql, sqlite3_stmt** stmt) {
        return sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()),
                                  SQLITE_PREPARE_PERSISTENT, stmt, nullptr) == SQLITE_OK;
    }

    // Binds `rows` records to `s` (made for that many rows) and runs it.
    static bool insert(sqlite3_stmt* s, const InteractionRecord* const* records, int rows) {
        if (sqlite3_reset(s) != SQLITE_OK)
            return false;
        for (int row = 0; row < rows; ++row) {
            if (!bind(s, row * kColumns, *records[row]))
                return false;
        }
        return sqlite3_step(s) == SQLITE_DONE;
    }

    // Binds one record's columns after the first `i` parameters.
    static bool bind(sqlite3_stmt* s, int i, const InteractionRecord& r) {
        static const std::string kGateway = "gateway";
        // clang-format off
        const int results[] = {
            sqlite3_bind_int64(s, i + 1, r.ts_ms),
            bind_text(s, i + 2, r.channel),          bind_text(s, i + 3, r.subchannel),
            bind_text(s, i + 4, r.terminal_id),      bind_text(s, i + 5, r.session_id),
            bind_text(s, i + 6, r.request_id),       bind_text(s, i + 7, r.msisdn),
            bind_text(s, i + 8, r.plugin),           bind_text(s, i + 9, r.operation),
            bind_text(s, i + 10, r.business),        bind_text(s, i + 11, r.outcome),
            bind_text(s, i + 12, r.code),            sqlite3_bind_int64(s, i + 13, r.latency_us),
            r.amount_fen ? sqlite3_bind_int64(s, i + 14, *r.amount_fen) : sqlite3_bind_null(s, i + 14),
            bind_text(s, i + 15, r.offer_id),
            bind_text(s, i + 16, r.source.empty() ? kGateway : r.source),
        };
        // clang-format on
        for (const int rc : results) {
            if (rc != SQLITE_OK)
                return false;
        }
        return true;
    }

    void close() {
        checkpointer_.reset();  // its last checkpoint, before this connection closes
        for (sqlite3_stmt*& stmt : inserts_)
            sqlite3_finalize(std::exchange(stmt, nullptr));
        sqlite3_close(std::exchange(db_, nullptr));
    }

    sqlite3* db_ = nullptr;
    std::array<sqlite3_stmt*, kRowsPerInsert.size()> inserts_{};  // one per kRowsPerInsert
    std::optional<WalCheckpointer> checkpointer_;
};

Journal::Journal(Options options)
    : options_(std::move(options)),
      db_(std::make_unique<Database>(options_.path, &long_reads_)),
      summary_(std::make_shared<SummaryUpdater>(options_.path, options_.summary_interval,
                                                &long_reads_, &writer_behind_)) {
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
    std::shared_ptr<SummaryUpdater> summary;
    {
        std::lock_guard lock(summary_mutex_);
        summary = summary_;
    }
    return summary && summary->update_now();
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
    if (writer_.joinable())
        writer_.join();
    db_.reset();
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
            error = db_->insert(batch);
        } catch (const std::exception& e) {
            error = e.what();
        }
        if (error) {
            spdlog::error("journal: writing {} record(s) to {} failed, will retry: {}", n,
                          options_.path.string(), *error);
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
