// Adds a bulk import's rows (`ehall import events`) to the journal's summary file
// (journal_summary.hpp) as the import writes them, instead of a pass over them after its
// commit. The import knows every row's id, customer, time, channel and business already, so
// their entries are packed into integers that sort in the summary tables' key order, sorted in
// memory and inserted in that order on a thread of their own, overlapping the import. A pass
// would read each row back from the journal, compute its keys in SQL and let SQLite's sorter
// order them for both tables: 21 s of 10M imported events' 33 s (measured 2026-12-03).
//
// Its transaction on the summary file is open from begin() to commit(), which the import calls
// once its own COMMIT on the journal has succeeded: the summary never covers rows the journal
// does not have. A crash in between loses only the summary's part, which the next pass redoes.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <filesystem>
#include <memory>
#include <mutex>
#include <span>
#include <string_view>
#include <thread>
#include <vector>

#include "gateway/journal/summary_state.hpp"

namespace ehall {

// How SummaryBulkLoad divides its work.
struct SummaryBulkLoadSizes {
    // Rows inserted at a time. In memory 16 bytes a row, 8 more a row that counts and 12 a
    // monthly key while they are inserted (10M events: peak RSS 580 MB), and the import
    // fills the next chunk while the thread inserts one: at most about 1.1 GB however large
    // the file. A later chunk's entries land between the earlier ones' in the tables, which
    // costs more per row than appending the first's.
    std::size_t rows_per_chunk = 16'000'000;
    // Rows the thread sorts at a time while the chunk fills, on the CPU the import's
    // reading leaves free (its SQLite thread is the busy one); the chunk's runs are
    // merged as they are inserted.
    std::size_t rows_per_run = 1 << 20;
};

class SummaryBulkLoad {
  public:
    using Sizes = SummaryBulkLoadSizes;

    // Opens the journal at `journal_db` with its summary and brings the summary up to date (a
    // pass, before the import takes the journal's write lock: a long one would hold up a
    // running gateway's writer). add() takes channels as indexes into `channels` (at most 16
    // names, alive as long as this) and businesses as indexes into monthly_usage_businesses.
    // Throws std::runtime_error.
    SummaryBulkLoad(const std::filesystem::path& journal_db,
                    std::span<const std::string_view> channels, Sizes sizes = {});
    ~SummaryBulkLoad();  // abandon()
    SummaryBulkLoad(const SummaryBulkLoad&) = delete;
    SummaryBulkLoad& operator=(const SummaryBulkLoad&) = delete;

    // Once the import holds the journal's write lock: covers the rows committed since the
    // constructor's pass, takes the summary's write lock and returns the journal's last row id.
    // The import's rows must get the ids after it, in the order they are added.
    std::int64_t begin();
    // One imported row: `msisdn` of 11 digits, `ts_ms` from 0 to 999999999999999, `counted`
    // when it counts in monthly_usage (outcome ok). May wait while the thread is a chunk behind.
    void add(std::int64_t id, std::int64_t ts_ms, std::string_view msisdn, std::size_t channel,
             std::size_t business, bool counted);
    // Starts inserting the rows added so far on the thread; returns without waiting for it.
    void flush();
    // After the journal's COMMIT: waits for the inserts, marks the summary as covering the
    // journal up to `last_row` and commits. Throws the thread's or SQLite's error.
    void commit(std::int64_t last_row);
    // Rolls back whatever was inserted (the import was not committed).
    void abandon() noexcept;

    // Entries in the summary tables' key order, packed into integers.
    using RowKey = unsigned __int128;
    struct Chunk {
        std::int64_t first_id = 0;
        // msisdn (37 bits) | ts_ms (50) | id - first_id (41): customer_interactions' order.
        std::vector<RowKey> rows;
        // month YYYYMM (20 bits) | business (3) | msisdn (37) | channel (4), the names ranked
        // in text order: monthly_usage's order.
        std::vector<std::uint64_t> usage;
        // Where the runs handed to the thread end in each vector, the last at its end.
        std::vector<std::size_t> row_run_ends, usage_run_ends;
    };

  private:
    // For the thread: a run to sort (in place, in the chunk being filled) or a chunk to insert.
    struct Task {
        RowKey* rows = nullptr;
        std::size_t row_count = 0;
        std::uint64_t* usage = nullptr;
        std::size_t usage_count = 0;
        std::unique_ptr<Chunk> insert;
    };

    void hand_run();
    void hand(Task task);
    void run();
    void insert(Chunk& chunk);
    void stop() noexcept;
    void check(int rc) const;
    void rethrow_error();

    sqlite3* db_ = nullptr;
    SummaryState state_;  // as begin() found it
    std::vector<std::string_view> channel_by_rank_, business_by_rank_;
    std::vector<std::uint8_t> channel_rank_, business_rank_;
    Sizes sizes_;
    // The caller's thread only. Its vectors are reserved whole when it starts, so that the
    // thread can sort runs in them while they grow.
    std::unique_ptr<Chunk> filling_;
    std::int64_t last_id_ = 0;

    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<Task> tasks_;  // in order: a chunk's runs are sorted before it is inserted
    int inserts_ = 0;         // chunks handed and not inserted yet
    bool busy_ = false, stopping_ = false;
    std::exception_ptr error_;
    std::thread thread_;
};

}  // namespace ehall
