#include "gateway/journal/summary_bulk_load.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <future>
#include <numeric>
#include <stdexcept>
#include <utility>

#include "gateway/journal/journal_summary.hpp"
#include "gateway/journal/sorted_runs.hpp"
#include "gateway/journal/summary_state.hpp"

namespace ehall {

namespace {

// Rows per INSERT: 1024 rows inserted 20-25% faster than 128 (measured 2026-12-03).
constexpr std::size_t kBulkRowsPerInsert = 1024;
// A gateway's pass may hold the summary's write lock for a few seconds.
constexpr int kBusyTimeoutMs = 60'000;

constexpr unsigned kMsisdnDigits = 11;
constexpr std::int64_t kLastTs = 999'999'999'999'999;  // 50 bits

using RowKey = SummaryBulkLoad::RowKey;
constexpr RowKey kOffsetMask = (RowKey{1} << 41) - 1;
constexpr RowKey kTsMask = (RowKey{1} << 50) - 1;
constexpr std::uint64_t kMsisdnMask = (std::uint64_t{1} << 37) - 1;
static_assert(monthly_usage_businesses.size() <= 8, "a business takes 3 bits of a usage key");

// The rank of each name in text (binary) order.
template <typename Names>
std::vector<std::uint8_t> ranks(const Names& names) {
    std::vector<std::size_t> order(names.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return names[a] < names[b]; });
    std::vector<std::uint8_t> rank(names.size());
    for (std::size_t r = 0; r < order.size(); ++r)
        rank[order[r]] = static_cast<std::uint8_t>(r);
    return rank;
}

void format_msisdn(std::uint64_t msisdn, char* out) {
    for (unsigned i = kMsisdnDigits; i-- > 0; msisdn /= 10)
        out[i] = static_cast<char>('0' + msisdn % 10);
}

// Inserts `count` rows with `insert_sql(rows)`, kBulkRowsPerInsert at a time; `bind(stmt, param,
// row, slot)` binds row `row` from parameter `param` on, `slot` (< kBulkRowsPerInsert) telling
// which of the statement's rows it is, for text buffers that must live until the step.
template <typename Sql, typename Bind>
int insert_rows(sqlite3* db, std::size_t count, Sql insert_sql, int columns, Bind bind) {
    std::array<sqlite3_stmt*, 2> stmts{};  // full, one
    int rc = sqlite3_prepare_v2(db, insert_sql(kBulkRowsPerInsert).c_str(), -1, &stmts[0], nullptr);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(db, insert_sql(1).c_str(), -1, &stmts[1], nullptr);
    for (std::size_t row = 0; rc == SQLITE_OK && row < count;) {
        const bool full = count - row >= kBulkRowsPerInsert;
        sqlite3_stmt* stmt = stmts[full ? 0 : 1];
        const std::size_t rows = full ? kBulkRowsPerInsert : 1;
        for (std::size_t slot = 0; slot < rows; ++slot, ++row)
            bind(stmt, static_cast<int>(slot) * columns + 1, row, slot);
        rc = sqlite3_step(stmt);
        rc = rc == SQLITE_DONE ? sqlite3_reset(stmt) : sqlite3_errcode(db);
    }
    for (sqlite3_stmt* stmt : stmts)
        sqlite3_finalize(stmt);
    return rc;
}

// monthly_usage's keys, each once, with how many rows it counts.
struct UsageCounts {
    std::vector<std::uint64_t> keys;
    std::vector<std::uint32_t> counts;
};

UsageCounts count_usage(const std::vector<std::uint64_t>& keys,
                        const std::vector<std::size_t>& run_ends) {
    UsageCounts usage;
    for (SortedRuns<std::uint64_t> runs(keys, run_ends); !runs.empty();) {
        const std::uint64_t key = runs.next();
        if (usage.keys.empty() || usage.keys.back() != key) {
            usage.keys.push_back(key);
            usage.counts.push_back(0);
        }
        ++usage.counts.back();
    }
    return usage;
}

// Where the entries not handed to the thread yet start: at the end of the last run.
std::size_t after_runs(const std::vector<std::size_t>& run_ends) {
    return run_ends.empty() ? 0 : run_ends.back();
}

std::string values_sql(const char* head, const char* values, std::size_t rows, const char* tail) {
    std::string sql = head;
    for (std::size_t i = 0; i < rows; ++i)
        sql.append(i ? ", " : "").append(values);
    return sql.append(tail);
}

}  // namespace

SummaryBulkLoad::SummaryBulkLoad(const std::filesystem::path& journal_db,
                                 std::span<const std::string_view> channels, Sizes sizes)
    : channel_by_rank_(channels.size()),
      business_by_rank_(monthly_usage_businesses.size()),
      channel_rank_(ranks(channels)),
      business_rank_(ranks(monthly_usage_businesses)),
      sizes_(sizes) {
    if (channels.size() > 16)
        throw std::logic_error("SummaryBulkLoad: more than 16 channels");
    for (std::size_t i = 0; i < channels.size(); ++i)
        channel_by_rank_[channel_rank_[i]] = channels[i];
    for (std::size_t i = 0; i < business_by_rank_.size(); ++i)
        business_by_rank_[business_rank_[i]] = monthly_usage_businesses[i];
    // CREATE for the summary file, which ATTACH opens with these flags.
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    int rc = sqlite3_open_v2(journal_db.c_str(), &db_, flags, nullptr);
    if (rc == SQLITE_OK)
        rc = sqlite3_busy_timeout(db_, kBusyTimeoutMs);
    if (rc == SQLITE_OK)
        rc = attach_journal_summary(db_, journal_db, true);
    if (rc == SQLITE_OK)  // threads: SQLite's sorter in the passes
        rc = sqlite3_exec(db_, "PRAGMA summary.cache_size=-65536; PRAGMA threads=2", nullptr,
                          nullptr, nullptr);
    const auto error = rc == SQLITE_OK ? update_journal_summary(db_) : std::nullopt;
    if (rc != SQLITE_OK || error) {
        const std::string message = error ? *error : db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(std::exchange(db_, nullptr));
        throw std::runtime_error(journal_summary_path(journal_db).filename().string() + ": " +
                                 message);
    }
    thread_ = std::thread([this] { run(); });
}

SummaryBulkLoad::~SummaryBulkLoad() {
    abandon();
    sqlite3_close(db_);
}

void SummaryBulkLoad::check(int rc) const {
    if (rc != SQLITE_OK)
        throw std::runtime_error(std::string("journal summary: ") + sqlite3_errmsg(db_));
}

std::int64_t SummaryBulkLoad::begin() {
    if (const auto error = update_journal_summary(db_))
        throw std::runtime_error("journal summary: " + *error);
    // Read outside the summary's transaction, which then holds no snapshot of the journal; the
    // import's write lock keeps the journal as it is.
    JournalPosition journal;
    check(read_journal_position(db_, journal));
    // The first write takes the summary's lock (BEGIN IMMEDIATE would take the journal's too).
    check(sqlite3_exec(db_, "BEGIN; UPDATE summary.summary_state SET merged_to = merged_to",
                       nullptr, nullptr, nullptr));
    check(read_summary_state(db_, state_));
    if (state_.identity != journal.identity || state_.merged_to != journal.last_row ||
        state_.staged_to != state_.merged_to || state_.deletes_seen != journal.last_delete ||
        state_.staged_deletes != state_.deletes_seen)
        throw std::runtime_error("journal summary: changed by another process during the import");
    return journal.last_row;
}

void SummaryBulkLoad::add(std::int64_t id, std::int64_t ts_ms, std::string_view msisdn,
                          std::size_t channel, std::size_t business, bool counted) {
    if (msisdn.size() != kMsisdnDigits || ts_ms < 0 || ts_ms > kLastTs)
        throw std::logic_error("SummaryBulkLoad::add: msisdn or time out of range");
    std::uint64_t number = 0;
    for (const char digit : msisdn)
        number = number * 10 + static_cast<std::uint64_t>(digit - '0');
    if (filling_ && (id <= last_id_ || RowKey(id - filling_->first_id) > kOffsetMask))
        throw std::logic_error("SummaryBulkLoad::add: ids out of order");
    last_id_ = id;
    if (!filling_) {
        filling_ = std::make_unique<Chunk>();
        filling_->first_id = id;
        // Address space only until written; the thread sorts runs in them meanwhile.
        filling_->rows.reserve(sizes_.rows_per_chunk);
        filling_->usage.reserve(sizes_.rows_per_chunk);
    }
    Chunk& chunk = *filling_;
    const auto offset = static_cast<RowKey>(id - chunk.first_id);
    chunk.rows.push_back(RowKey{number} << 91 | static_cast<RowKey>(ts_ms) << 41 | offset);
    const auto month = counted ? monthly_usage_month(ts_ms) : std::nullopt;
    if (month)
        chunk.usage.push_back(static_cast<std::uint64_t>(*month) << 44 |
                              std::uint64_t{business_rank_[business]} << 41 | number << 4 |
                              channel_rank_[channel]);
    if (chunk.rows.size() - after_runs(chunk.row_run_ends) >= sizes_.rows_per_run)
        hand_run();
    if (chunk.rows.size() >= sizes_.rows_per_chunk)
        flush();
}

void SummaryBulkLoad::hand_run() {
    Chunk& chunk = *filling_;
    const std::size_t rows_begin = after_runs(chunk.row_run_ends);
    const std::size_t usage_begin = after_runs(chunk.usage_run_ends);
    if (rows_begin == chunk.rows.size())
        return;
    chunk.row_run_ends.push_back(chunk.rows.size());
    chunk.usage_run_ends.push_back(chunk.usage.size());
    hand({.rows = chunk.rows.data() + rows_begin,
          .row_count = chunk.rows.size() - rows_begin,
          .usage = chunk.usage.data() + usage_begin,
          .usage_count = chunk.usage.size() - usage_begin,
          .insert = nullptr});
}

void SummaryBulkLoad::hand(Task task) {
    std::unique_lock lock(mutex_);
    if (task.insert)  // at most one chunk waits while the next fills
        changed_.wait(lock, [this] { return inserts_ == 0 || error_; });
    rethrow_error();
    inserts_ += task.insert ? 1 : 0;
    tasks_.push_back(std::move(task));
    changed_.notify_all();
}

void SummaryBulkLoad::flush() {
    if (!filling_)
        return;
    hand_run();
    hand({.insert = std::move(filling_)});
}

void SummaryBulkLoad::run() {
    std::unique_lock lock(mutex_);
    for (;;) {
        changed_.wait(lock, [this] { return !tasks_.empty() || stopping_; });
        if (tasks_.empty())
            return;
        Task task = std::move(tasks_.front());
        tasks_.pop_front();
        const bool inserting = task.insert != nullptr;
        busy_ = true;
        lock.unlock();
        std::exception_ptr error;
        try {
            if (task.insert) {
                insert(*task.insert);
            } else {
                std::sort(task.rows, task.rows + task.row_count);
                std::sort(task.usage, task.usage + task.usage_count);
            }
        } catch (...) {
            error = std::current_exception();
        }
        task = {};  // an inserted chunk's memory goes now
        lock.lock();
        busy_ = false;
        inserts_ -= inserting ? 1 : 0;
        error_ = error;
        changed_.notify_all();
        if (error)
            return;
    }
}

void SummaryBulkLoad::insert(Chunk& chunk) {
    // monthly_usage's keys are merged and counted on a second thread meanwhile: after the
    // import's commit nothing else runs on the other CPU.
    UsageCounts usage;
    auto counted = std::async(std::launch::async, [&] {
        usage = count_usage(chunk.usage, chunk.usage_run_ends);
        chunk.usage = {};
    });
    SortedRuns<RowKey> rows(chunk.rows, chunk.row_run_ends);
    std::array<std::array<char, kMsisdnDigits>, kBulkRowsPerInsert> texts;
    auto rows_sql = [](std::size_t rows) {
        return values_sql(
            "INSERT OR IGNORE INTO summary.customer_interactions (msisdn, ts_ms, id) VALUES ",
            "(?, ?, ?)", rows, "");
    };
    check(insert_rows(
        db_, chunk.rows.size(), rows_sql, 3,
        [&](sqlite3_stmt* stmt, int at, std::size_t, std::size_t slot) {
            const RowKey key = rows.next();
            format_msisdn(static_cast<std::uint64_t>(key >> 91), texts[slot].data());
            sqlite3_bind_text(stmt, at, texts[slot].data(), kMsisdnDigits, SQLITE_STATIC);
            sqlite3_bind_int64(stmt, at + 1, static_cast<std::int64_t>(key >> 41 & kTsMask));
            sqlite3_bind_int64(stmt, at + 2,
                               chunk.first_id + static_cast<std::int64_t>(key & kOffsetMask));
        }));
    counted.get();

    auto usage_sql = [](std::size_t rows) {
        return values_sql(
            "INSERT INTO summary.monthly_usage (month, business, msisdn, channel, n) VALUES ",
            "(?, ?, ?, ?, ?)", rows, " ON CONFLICT DO UPDATE SET n = n + excluded.n");
    };
    auto bind_name = [](sqlite3_stmt* stmt, int at, std::string_view name) {
        sqlite3_bind_text(stmt, at, name.data(), static_cast<int>(name.size()), SQLITE_STATIC);
    };
    check(insert_rows(db_, usage.keys.size(), usage_sql, 5,
                      [&](sqlite3_stmt* stmt, int at, std::size_t row, std::size_t slot) {
                          const std::uint64_t key = usage.keys[row];
                          sqlite3_bind_int64(stmt, at, static_cast<std::int64_t>(key >> 44));
                          bind_name(stmt, at + 1, business_by_rank_[key >> 41 & 7]);
                          format_msisdn(key >> 4 & kMsisdnMask, texts[slot].data());
                          sqlite3_bind_text(stmt, at + 2, texts[slot].data(), kMsisdnDigits,
                                            SQLITE_STATIC);
                          bind_name(stmt, at + 3, channel_by_rank_[key & 15]);
                          sqlite3_bind_int64(stmt, at + 4, usage.counts[row]);
                      }));
}

void SummaryBulkLoad::commit(std::int64_t last_row) {
    flush();
    {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [this] { return (tasks_.empty() && !busy_) || error_; });
        rethrow_error();
    }
    stop();
    state_.merged_to = state_.staged_to = last_row;
    check(write_summary_state(db_, state_));
    check(sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr));
}

void SummaryBulkLoad::stop() noexcept {
    // Freed after the join: the run the thread may be sorting lies in a chunk one of them owns.
    std::deque<Task> dropped;
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        dropped.swap(tasks_);
    }
    changed_.notify_all();
    if (thread_.joinable())
        thread_.join();
}

void SummaryBulkLoad::abandon() noexcept {
    {
        std::lock_guard lock(mutex_);
        if (busy_)  // what the thread does is of no use now
            sqlite3_interrupt(db_);
    }
    stop();
    if (!sqlite3_get_autocommit(db_))  // begin() and no commit()
        sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

void SummaryBulkLoad::rethrow_error() {
    if (error_)
        std::rethrow_exception(error_);
}

}  // namespace ehall
