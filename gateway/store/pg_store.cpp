#include "gateway/store/pg_store.hpp"

#include <algorithm>
#include <utility>

#include "gateway/store/database_url.hpp"
#include "gateway/store/pg_connection.hpp"

namespace ehall {

namespace {

// Any constant both instances agree on: the key of the migrations' advisory lock.
constexpr const char* kLockStatement = "SELECT pg_advisory_lock(7411)";
constexpr const char* kUnlockStatement = "SELECT pg_advisory_unlock(7411)";

// One writer at a time in the whole cluster, as SQLite has one per file: a write takes the
// lock before its first read and holds it to its commit, so every write sees all the writes
// before it, and code that reads, decides and writes (idempotency keys, contact caps,
// stock, lockouts, the outbox's claims) stays exactly-once across instances with nothing
// to retry. Reads never wait for it. READ COMMITTED: each statement sees every commit
// before it, the lock's holder's included.
constexpr const char* kBeginWrite =
    "BEGIN ISOLATION LEVEL READ COMMITTED; SELECT pg_advisory_xact_lock(7412)";

}  // namespace

// Returns its connection to the pool whatever happens (the pool drops a broken one).
class PgStore::Lease {
  public:
    explicit Lease(PgStore& store) : store_(store), connection_(store.pool_.acquire()) {}
    ~Lease() {
        const bool keep = !connection_->broken();  // the next acquire() connects afresh
        store_.pool_.release(std::move(connection_), keep);
    }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    PgConnection& operator*() { return *connection_; }

  private:
    PgStore& store_;
    std::unique_ptr<PgConnection> connection_;
};

PgStore::PgStore(Options options)
    : options_(std::move(options)),
      shown_url_(without_password(options_.url)),
      // exclusively() holds one connection while the work it wraps needs another.
      pool_(
          std::max<std::size_t>(options_.max_connections, 2),
          [this] { return std::make_unique<PgConnection>(options_.url, shown_url_); },
          std::make_unique<PgConnection>(options_.url, shown_url_)) {}

PgStore::~PgStore() = default;

void PgStore::run(PgConnection& connection, const char* begin,
                  const std::function<void(Transaction&)>& work) {
    connection.run_raw(begin);
    try {
        work(connection);
        connection.execute("COMMIT");
    } catch (...) {
        connection.rollback_quietly();
        throw;
    }
}

void PgStore::read(const std::function<void(Transaction&)>& work) {
    Lease lease(*this);
    run(*lease, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", work);
}

void PgStore::write(const std::function<void(Transaction&)>& work) {
    // In-process writers queue here before taking a connection, as in SqliteStore: one
    // connection per instance waits for the cluster's lock, the others stay free for reads
    // (a write's `work` may read on another connection).
    std::lock_guard lock(write_mutex_);
    Lease lease(*this);
    run(*lease, kBeginWrite, work);
}

void PgStore::exclusively(const std::function<void()>& work) {
    Lease lease(*this);
    (*lease).query(kLockStatement);
    try {
        work();
    } catch (...) {
        try {
            (*lease).query(kUnlockStatement);
        } catch (const StoreError&) {
            // The lock ends with the session anyway.
        }
        throw;
    }
    (*lease).query(kUnlockStatement);
}

}  // namespace ehall
