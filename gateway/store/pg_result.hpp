// A libpq result, owned, and the one check every caller makes of it: success, or a PgError
// with the server's message and SQLSTATE.
#pragma once

#include <memory>
#include <string_view>

struct pg_conn;
struct pg_result;

namespace ehall {

struct ClearPgResult {
    void operator()(pg_result* result) const noexcept;
};
using PgResult = std::unique_ptr<pg_result, ClearPgResult>;

// Throws PgError naming an excerpt of `sql` unless `result` reports success (rows, a
// command, or an empty query such as a lone `;`). A null result is the connection's failure.
void check_pg_result(const pg_result* result, pg_conn* connection, std::string_view sql);

}  // namespace ehall
