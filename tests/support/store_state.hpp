// What the gateway has written to its store, read straight from ehall.db with the SQLite C
// API (WAL lets a reader in while the server runs), so a test can assert that a request
// changed nothing.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

namespace ehall::test {

// Row counts of every table a customer request can write, and the sums of all balances,
// points and e-coins: equal before and after means nothing was written.
std::map<std::string, std::int64_t> store_state(const std::filesystem::path& store_db);

// The one integer a query such as "SELECT count(*) FROM ..." gives, read the same way.
std::int64_t store_scalar(const std::filesystem::path& store_db, const std::string& sql);

}  // namespace ehall::test
