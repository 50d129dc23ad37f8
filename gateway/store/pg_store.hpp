// The store on PostgreSQL 15 (DESIGN §9), shared by every instance that names the same
// database. A pool of libpq connections, each transaction holding one exclusively.
//
// Writes keep SQLite's rule of one writer at a time, across every instance (a transaction
// advisory lock, pg_store.cpp), so code written for it (read a row, decide, write) stays
// exactly-once when instances write at once, and no write is ever run twice. Reads run
// REPEATABLE READ READ ONLY, one snapshot each, and never wait for a writer.
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>

#include "gateway/store/connection_pool.hpp"
#include "gateway/store/host_store.hpp"

namespace ehall {

class PgConnection;

class PgStore final : public HostStore {
  public:
    struct Options {
        std::string url;  // postgresql://user[:password]@host:port/db
        std::size_t max_connections = 8;
    };

    // Connects once to check the URL; throws StoreError naming it without the password.
    explicit PgStore(Options options);
    ~PgStore() override;
    PgStore(const PgStore&) = delete;
    PgStore& operator=(const PgStore&) = delete;

    void read(const std::function<void(Transaction&)>& work) override;
    void write(const std::function<void(Transaction&)>& work) override;
    std::string_view engine() const override { return "postgresql"; }
    // Holds a session advisory lock on a connection of its own while `work` runs.
    void exclusively(const std::function<void()>& work) override;

    const std::string& shown_url() const { return shown_url_; }

  private:
    class Lease;

    void run(PgConnection& connection, const char* begin,
             const std::function<void(Transaction&)>& work);

    Options options_;
    std::string shown_url_;
    ConnectionPool<std::unique_ptr<PgConnection>> pool_;
    std::mutex write_mutex_;
};

}  // namespace ehall
