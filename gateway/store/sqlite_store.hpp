// The embedded store: SQLite in WAL mode behind a small pool of connections. Each
// transaction holds one connection exclusively; writers are queued in-process so they
// never spin in SQLite's busy handler against each other.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "gateway/sql.hpp"

namespace ehall {

class SqliteConnection;

class SqliteStore : public Store {
  public:
    struct Options {
        std::filesystem::path path;
        std::size_t max_connections = 8;
        std::chrono::milliseconds busy_timeout{5000};
    };

    // Creates the parent directory if missing and opens the database; throws StoreError.
    explicit SqliteStore(Options options);
    ~SqliteStore() override;
    SqliteStore(const SqliteStore&) = delete;
    SqliteStore& operator=(const SqliteStore&) = delete;

    // `work` must not call write() on the same store (it would wait for itself), and
    // nested read()s need a spare connection. A read transaction refuses statements
    // that write.
    void read(const std::function<void(Transaction&)>& work) override;
    void write(const std::function<void(Transaction&)>& work) override;

  private:
    class Lease;

    std::unique_ptr<SqliteConnection> acquire();
    void release(std::unique_ptr<SqliteConnection> connection);
    void run(SqliteConnection& connection, bool writing,
             const std::function<void(Transaction&)>& work);

    Options options_;
    std::mutex pool_mutex_;
    std::condition_variable pool_available_;
    std::vector<std::unique_ptr<SqliteConnection>> idle_;
    std::size_t open_ = 0;
    std::mutex write_mutex_;
};

}  // namespace ehall
