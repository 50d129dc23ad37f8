#include "gateway/store/pg_result.hpp"

#include <libpq-fe.h>

#include <string>

#include "gateway/store/pg_connection.hpp"
#include "gateway/store/sql_excerpt.hpp"

namespace ehall {

void ClearPgResult::operator()(pg_result* result) const noexcept {
    PQclear(result);
}

void check_pg_result(const pg_result* result, pg_conn* connection, std::string_view sql) {
    const auto status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY)
        return;
    const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const char* message = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    if (!message)
        message = PQerrorMessage(connection);
    std::string text = message ? message : "unknown error";
    while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
        text.pop_back();
    throw PgError("postgresql: " + text + " [" + sql_excerpt(sql) + "]",
                  state ? state : "08006");  // no SQLSTATE: the connection failed
}

}  // namespace ehall
