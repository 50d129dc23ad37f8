// A fresh store with the core schema in a temporary directory and one kiosk terminal, for
// the kiosk unit tests. Header-only: the unit test binary does not build tests/support/*.cpp.
#pragma once

#include <filesystem>
#include <random>
#include <string>

#include <ehall/clock.hpp>
#include "gateway/store/core_schema.hpp"
#include "gateway/store/migrations.hpp"
#include "gateway/store/sqlite_store.hpp"

namespace ehall::test {

struct KioskStoreFixture {
    static constexpr const char* terminal_id = "KIOSK-T1";
    static constexpr const char* terminal_key = "unit-test-key-0001";

    std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                ("ehall-kiosk-test-" + std::to_string(std::random_device{}()) +
                                 "-" + std::to_string(now_ms()));
    SqliteStore store{{.path = dir / "ehall.db", .max_connections = 4}};

    KioskStoreFixture() {
        apply_migrations(store, "core", core_migrations());
        execute("INSERT INTO terminals (id, hall, location, key) VALUES (?, 'HALL-1', '一楼', ?)",
                {terminal_id, terminal_key});
    }
    ~KioskStoreFixture() {
        std::error_code ignored;
        std::filesystem::remove_all(dir, ignored);
    }

    void execute(const std::string& sql, const SqlParams& params = {}) {
        store.write([&](Transaction& tx) { tx.execute(sql, params); });
    }
    Rows query(const std::string& sql, const SqlParams& params = {}) {
        Rows rows;
        store.read([&](Transaction& tx) { rows = tx.query(sql, params); });
        return rows;
    }
};

}  // namespace ehall::test
