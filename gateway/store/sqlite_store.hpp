// The embedded store: SQLite in WAL mode behind a small pool of connections. Each
// transaction holds one connection exclusively; writers are queued in-process so they
// never spin in SQLite's busy handler against each other.
//
// With `snapshot_reuse` > 0 a read may run in the read snapshot an earlier read on the same
// connection opened, up to that long ago: a WAL read transaction costs a lock on the
// shared-memory index that the network threads contend for on every request. A write
// through this store ends every such snapshot, so reads here always see this process's
// writes; another process's writes are seen within `snapshot_reuse` (as sessions are,
// recent_sessions.hpp). end_idle_snapshots() lets checkpoints past idle connections.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "gateway/store/connection_pool.hpp"
#include "gateway/store/host_store.hpp"

namespace ehall {

class SqliteConnection;

class SqliteStore final : public HostStore {
  public:
    struct Options {
        std::filesystem::path path;
        std::size_t max_connections = 8;
        std::chrono::milliseconds busy_timeout{5000};
        std::chrono::microseconds snapshot_reuse{0};
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

    std::string_view engine() const override { return "sqlite"; }
    // One file has one writer at a time, and migrations look again inside their write
    // transaction: nothing more to hold.
    void exclusively(const std::function<void()>& work) override { work(); }
    void upkeep() override { end_idle_snapshots(); }

    // Ends the read snapshots idle connections kept longer than `snapshot_reuse`: an open
    // snapshot holds back the WAL checkpoint. Call it now and then (the gateway: each second).
    void end_idle_snapshots();

  private:
    using SteadyClock = std::chrono::steady_clock;
    // A pooled connection and the read snapshot it may keep open between reads.
    struct Pooled {
        std::unique_ptr<SqliteConnection> connection;
        bool snapshot_open = false;
        SteadyClock::time_point snapshot_taken{};
        std::uint64_t writes_seen = 0;  // writes_ when the snapshot was opened
    };
    class Lease;

    void run(SqliteConnection& connection, bool writing,
             const std::function<void(Transaction&)>& work);
    void run_in_snapshot(Pooled& pooled, const std::function<void(Transaction&)>& work);
    static void end_snapshot(Pooled& pooled) noexcept;
    void end_snapshots_older_than(SteadyClock::time_point oldest);

    Options options_;
    ConnectionPool<Pooled> pool_;
    std::mutex write_mutex_;
    std::atomic<std::uint64_t> writes_{0};  // commits through write(), ending older snapshots
};

}  // namespace ehall
