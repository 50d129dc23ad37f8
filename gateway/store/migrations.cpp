#include "gateway/store/migrations.hpp"

#include <set>
#include <stdexcept>
#include <string>

#include <ehall/clock.hpp>

namespace ehall {

namespace {

std::string describe(std::string_view component, int version) {
    return "migration " + std::string(component) + " v" + std::to_string(version);
}

}  // namespace

void apply_migrations(Store& store, std::string_view component,
                      const std::vector<Migration>& migrations) {
    int last = 0;
    for (const auto& migration : migrations) {
        if (migration.version <= last) {
            throw std::runtime_error(describe(component, migration.version) +
                                     ": versions must be positive and strictly increasing");
        }
        last = migration.version;
    }

    const SqlValue name{std::string(component)};
    std::set<std::int64_t> applied;
    store.write([&](Transaction& tx) {
        tx.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (component TEXT NOT NULL, "
            "version INTEGER NOT NULL, applied_ms INTEGER NOT NULL, "
            "PRIMARY KEY (component, version))");
        for (const auto& row :
             tx.query("SELECT version FROM schema_migrations WHERE component = ?", {name})) {
            applied.insert(row.integer("version"));
        }
    });

    for (const auto& migration : migrations) {
        if (applied.count(migration.version))
            continue;
        try {
            store.write([&](Transaction& tx) {
                // Another process may have applied it since we looked.
                const SqlParams key{name, std::int64_t{migration.version}};
                if (!tx.query("SELECT 1 FROM schema_migrations WHERE component = ? AND "
                              "version = ?",
                              key)
                         .empty()) {
                    return;
                }
                tx.execute(migration.sql);
                tx.execute(
                    "INSERT INTO schema_migrations (component, version, applied_ms) "
                    "VALUES (?, ?, ?)",
                    {name, std::int64_t{migration.version}, now_ms()});
            });
        } catch (const StoreError& e) {
            throw StoreError(describe(component, migration.version) + ": " + e.what(),
                             e.constraint());
        }
    }
}

}  // namespace ehall
