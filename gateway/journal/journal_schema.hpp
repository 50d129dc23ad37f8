// The journal file's schema (DESIGN §5): the `interactions` table and its indexes. Every
// statement is idempotent, so running it on each open also migrates older files.
#pragma once

namespace ehall {

// Pragmas, the table and its indexes, as one script for sqlite3_exec.
const char* journal_schema_sql();

// The secondary indexes alone, and dropping them: a bulk import into a small table drops
// them and builds them again in the same transaction, which is faster than updating three
// B-trees at random places for every row.
const char* journal_indexes_sql();
const char* drop_journal_indexes_sql();

}  // namespace ehall
