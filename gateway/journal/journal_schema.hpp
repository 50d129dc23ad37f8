// The journal file's schema (DESIGN §5): the `interactions` table, its index by time, the log
// of deleted rows the summary file follows and the file's identity. Every statement is
// idempotent, so running it on each open also migrates older files.
#pragma once

struct sqlite3;

namespace ehall {

// Sets the pragmas and creates what is missing (writing nothing when all is there). Returns
// an SQLite result code (the error is in sqlite3_errmsg).
int apply_journal_schema(sqlite3* db);

// The secondary index alone, and dropping it: a bulk import into a small table drops it and
// builds it again in the same transaction, which is faster than updating it row by row.
const char* journal_indexes_sql();
const char* drop_journal_indexes_sql();

}  // namespace ehall
