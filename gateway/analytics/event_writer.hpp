// Inserts checked events into the journal's `interactions` table on a thread of its own, so
// that reading and checking the CSV file (the caller's thread) overlaps SQLite's inserts.
// Between the first add() and finish() or abandon() nothing else may use the connection.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <string_view>
#include <thread>
#include <vector>

#include "gateway/analytics/event_check.hpp"
#include "gateway/analytics/sqlite_file.hpp"

namespace ehall::analytics {

class EventWriter {
  public:
    explicit EventWriter(SqliteFile& db);
    ~EventWriter();  // abandon()
    EventWriter(const EventWriter&) = delete;
    EventWriter& operator=(const EventWriter&) = delete;

    // Queues the event; waits while the writer is far behind. Throws the writer's error.
    void add(const PendingEvent& event);
    // Writes everything queued and stops the thread; throws the writer's error.
    void finish();
    // Stops the thread without writing what is still queued (the import is rolled back).
    void abandon() noexcept;

  private:
    using Batch = std::vector<PendingEvent>;
    void run();
    void write(Statement& insert, const Batch& batch);
    void stop(bool write_rest);
    void rethrow_error();

    Statement full_, one_;
    Batch filling_;  // the caller's thread only
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<Batch> queued_;
    std::vector<Batch> spare_;  // written batches, reused so the import does not allocate
    bool stopping_ = false;
    std::exception_ptr error_;
    std::thread thread_;
};

}  // namespace ehall::analytics
