#include "gateway/store/sqlite_store.hpp"

#include <algorithm>
#include <system_error>
#include <utility>

#include "gateway/store/sqlite_connection.hpp"

namespace ehall {

// Returns its connection to the pool whatever happens.
class SqliteStore::Lease {
  public:
    explicit Lease(SqliteStore& store) : store_(store), pooled_(store.pool_.acquire()) {}
    ~Lease() { store_.pool_.release(std::move(pooled_)); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Pooled& operator*() { return pooled_; }
    SqliteConnection& connection() { return *pooled_.connection; }

  private:
    SqliteStore& store_;
    Pooled pooled_;
};

namespace {

// Creates the parent directory if missing: a first start makes its data dir.
std::filesystem::path with_parent(const std::filesystem::path& path) {
    const auto parent = path.parent_path();
    std::error_code ec;
    if (!parent.empty())
        std::filesystem::create_directories(parent, ec);
    if (ec)
        throw StoreError("cannot create " + parent.string() + ": " + ec.message(), false);
    return path;
}

}  // namespace

SqliteStore::SqliteStore(Options options)
    : options_(std::move(options)),
      pool_(
          std::max<std::size_t>(options_.max_connections, 1),
          [this] {
              return Pooled{
                  std::make_unique<SqliteConnection>(options_.path, options_.busy_timeout, false)};
          },
          Pooled{std::make_unique<SqliteConnection>(with_parent(options_.path),
                                                    options_.busy_timeout, true)}) {}

SqliteStore::~SqliteStore() = default;

void SqliteStore::run(SqliteConnection& connection, bool writing,
                      const std::function<void(Transaction&)>& work) {
    connection.execute(writing ? "BEGIN IMMEDIATE" : "BEGIN", {});
    connection.set_read_only(!writing);
    try {
        work(connection);
        connection.set_read_only(false);
        connection.execute("COMMIT", {});
    } catch (...) {
        connection.set_read_only(false);
        connection.rollback_quietly();
        throw;
    }
}

void SqliteStore::end_snapshot(Pooled& pooled) noexcept {
    if (pooled.snapshot_open)
        pooled.connection->rollback_quietly();  // it only read: nothing to lose
    pooled.snapshot_open = false;
}

void SqliteStore::run_in_snapshot(Pooled& pooled, const std::function<void(Transaction&)>& work) {
    const auto now = SteadyClock::now();
    const std::uint64_t writes = writes_.load(std::memory_order_acquire);
    if (pooled.snapshot_open &&
        (pooled.writes_seen != writes || now - pooled.snapshot_taken > options_.snapshot_reuse))
        end_snapshot(pooled);
    if (!pooled.snapshot_open) {
        pooled.connection->execute("BEGIN", {});
        pooled.snapshot_open = true;
        pooled.snapshot_taken = now;
        pooled.writes_seen = writes;
    }
    pooled.connection->set_read_only(true);
    try {
        work(*pooled.connection);
        pooled.connection->set_read_only(false);
    } catch (...) {
        pooled.connection->set_read_only(false);
        end_snapshot(pooled);
        throw;
    }
}

void SqliteStore::read(const std::function<void(Transaction&)>& work) {
    Lease lease(*this);
    if (options_.snapshot_reuse.count() > 0)
        return run_in_snapshot(*lease, work);
    run(lease.connection(), false, work);
}

void SqliteStore::write(const std::function<void(Transaction&)>& work) {
    // In-process writers queue here instead of polling in SQLite's busy handler.
    std::lock_guard lock(write_mutex_);
    Lease lease(*this);
    end_snapshot(*lease);
    run(lease.connection(), true, work);
    writes_.fetch_add(1, std::memory_order_release);
    // Snapshots in use end at their next read. Idle ones end now: kept, they would hold back
    // the checkpoints this write's pages need, and the WAL would grow while writes go on.
    end_snapshots_older_than(SteadyClock::time_point::max());
}

void SqliteStore::end_idle_snapshots() {
    end_snapshots_older_than(SteadyClock::now() - options_.snapshot_reuse);
}

void SqliteStore::end_snapshots_older_than(SteadyClock::time_point oldest) {
    pool_.for_each_idle([oldest](Pooled& pooled) {
        if (pooled.snapshot_open && pooled.snapshot_taken < oldest)
            end_snapshot(pooled);
    });
}

}  // namespace ehall
