// What the gateway has written to its store, read through the store the server runs on
// (its ehall.db, or its PostgreSQL database), so a test can assert that a request changed
// nothing.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "tests/support/server_process.hpp"

namespace ehall::test {

// Row counts of every table a customer request can write, and the sums of all balances,
// points and e-coins: equal before and after means nothing was written.
std::map<std::string, std::int64_t> store_state(const ServerProcess& server);

// The one integer a query such as "SELECT count(*) FROM ..." gives, read the same way
// (0 when it gives NULL or no row).
std::int64_t store_scalar(const ServerProcess& server, const std::string& sql);

}  // namespace ehall::test
