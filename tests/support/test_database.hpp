// The engine a test's store runs on: SQLite files (the default) or, when EHALL_TEST_PG_URL
// names a PostgreSQL cluster (scripts/pg-throwaway run), a fresh database on it per store,
// so that the same suites check both engines (DESIGN §9).
#pragma once

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <memory>
#include <string>

#include "gateway/store/host_store.hpp"

namespace ehall::test {

bool testing_on_postgres();

// A new, empty database on the test cluster; its URL. Only when testing_on_postgres().
std::string fresh_database_url();

// Where a test keeps its store, to open it again as a restarted gateway would.
struct TestDatabase {
    std::filesystem::path sqlite_file;
    std::string pg_url;  // set on PostgreSQL
    std::unique_ptr<HostStore> open() const;
};

// `sqlite_file`, or a fresh database on the test cluster.
TestDatabase test_database(const std::filesystem::path& sqlite_file);

// test_database(sqlite_file).open()
std::unique_ptr<HostStore> open_test_store(const std::filesystem::path& sqlite_file);

// For suites about the SQLite files themselves (backups, the WAL): skipped on PostgreSQL.
boost::unit_test::precondition sqlite_only();
// For suites about several instances on one database and PostgreSQL's own failures.
boost::unit_test::precondition postgres_only();

}  // namespace ehall::test
