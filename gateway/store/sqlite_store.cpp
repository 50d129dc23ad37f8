#include "gateway/store/sqlite_store.hpp"

#include <algorithm>
#include <system_error>
#include <utility>

#include "gateway/store/sqlite_connection.hpp"

namespace ehall {

// Returns its connection to the pool whatever happens.
class SqliteStore::Lease {
  public:
    explicit Lease(SqliteStore& store) : store_(store), connection_(store.acquire()) {}
    ~Lease() { store_.release(std::move(connection_)); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    SqliteConnection& operator*() const { return *connection_; }

  private:
    SqliteStore& store_;
    std::unique_ptr<SqliteConnection> connection_;
};

SqliteStore::SqliteStore(Options options) : options_(std::move(options)) {
    options_.max_connections = std::max<std::size_t>(options_.max_connections, 1);
    const auto parent = options_.path.parent_path();
    std::error_code ec;
    if (!parent.empty())
        std::filesystem::create_directories(parent, ec);
    if (ec)
        throw StoreError("cannot create " + parent.string() + ": " + ec.message(), false);
    idle_.reserve(options_.max_connections);  // so release() never allocates
    idle_.push_back(std::make_unique<SqliteConnection>(options_.path, options_.busy_timeout, true));
    open_ = 1;
}

SqliteStore::~SqliteStore() = default;

std::unique_ptr<SqliteConnection> SqliteStore::acquire() {
    std::unique_lock lock(pool_mutex_);
    pool_available_.wait(lock,
                         [this] { return !idle_.empty() || open_ < options_.max_connections; });
    if (!idle_.empty()) {
        auto connection = std::move(idle_.back());
        idle_.pop_back();
        return connection;
    }
    ++open_;
    lock.unlock();
    try {
        return std::make_unique<SqliteConnection>(options_.path, options_.busy_timeout, false);
    } catch (...) {
        lock.lock();
        --open_;
        lock.unlock();
        pool_available_.notify_one();
        throw;
    }
}

void SqliteStore::release(std::unique_ptr<SqliteConnection> connection) {
    {
        std::lock_guard lock(pool_mutex_);
        idle_.push_back(std::move(connection));
    }
    pool_available_.notify_one();
}

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

void SqliteStore::read(const std::function<void(Transaction&)>& work) {
    Lease lease(*this);
    run(*lease, false, work);
}

void SqliteStore::write(const std::function<void(Transaction&)>& work) {
    // In-process writers queue here instead of polling in SQLite's busy handler.
    std::lock_guard lock(write_mutex_);
    Lease lease(*this);
    run(*lease, true, work);
}

}  // namespace ehall
