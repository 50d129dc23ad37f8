// The one SQL dialect ehall's code writes (SQLite's, with `?` placeholders and the upsert
// syntax both engines share), turned into PostgreSQL's. Plugins keep writing one SQL and
// never learn which engine runs (DESIGN §9); what cannot be said in both is rewritten here.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ehall {

struct PgStatement {
    std::string sql;                // with $1, $2, ... for the `?` placeholders
    int placeholders = 0;           // the highest number
    bool several = false;           // more than one statement (a schema script): no parameters
    std::vector<std::size_t> ends;  // in `sql`, just after each statement's `;`
};

// Outside quotes and comments: `?` becomes $n and `?NNN` $NNN; SQLite's 64-bit INTEGER becomes
// BIGINT (in a table or a CAST), an INTEGER PRIMARY KEY an identity column (so last_insert_id()
// works), REAL double precision, BLOB bytea; the SQLite-only clauses AUTOINCREMENT and
// WITHOUT ROWID go.
PgStatement postgres_statement(std::string_view sql);

}  // namespace ehall
