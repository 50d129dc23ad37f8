#include "gateway/store/open_store.hpp"

#include "gateway/store/database_url.hpp"
#include "gateway/store/pg_store.hpp"
#include "gateway/store/sqlite_store.hpp"

namespace ehall {

std::unique_ptr<HostStore> open_store(const Config& config) {
    if (!config.store.url.empty()) {
        return std::make_unique<PgStore>(
            PgStore::Options{.url = config.store.url, .max_connections = config.store.pool_size});
    }
    return std::make_unique<SqliteStore>(SqliteStore::Options{
        .path = config.data_dir / "ehall.db", .snapshot_reuse = config.store.snapshot_reuse});
}

std::string describe_store(const Config& config) {
    if (!config.store.url.empty())
        return "PostgreSQL " + without_password(config.store.url);
    return "SQLite " + (config.data_dir / "ehall.db").string();
}

}  // namespace ehall
