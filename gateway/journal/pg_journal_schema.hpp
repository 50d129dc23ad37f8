// The journal's tables in the PostgreSQL store (DESIGN §9): `interactions` with the contract
// columns, partitioned by Shanghai month on ts_ms, its lookup by customer for "my records",
// and `monthly_usage`, the reports' counts, brought up to date in each batch's transaction.
#pragma once

#include <string>

namespace ehall {

class PgConnection;

// Creates what is missing, in one transaction that waits for any other instance doing the
// same. Throws PgError.
void apply_pg_journal_schema(PgConnection& connection);

// Creates the partition of `interactions` for the Shanghai month `month` (YYYYMM, as
// monthly_usage_month gives) unless it exists, in a transaction of its own. Rows of no such
// month (before 1970 or after 9999) go to the default partition. Throws PgError.
void ensure_pg_journal_partition(PgConnection& connection, int month);
// The same inside the caller's open transaction, which then holds the locks it takes until
// it ends: an advisory lock that other writers' new months wait for, and the default
// partition's (an import, whose rows go straight into their months).
void add_pg_journal_partition(PgConnection& connection, int month);

// The columns the writers COPY, in the order of their fields.
inline constexpr const char* pg_interaction_columns =
    "ts_ms, channel, subchannel, terminal_id, session_id, request_id, msisdn, plugin, "
    "operation, business, outcome, code, latency_us, amount_fen, offer_id, source";

}  // namespace ehall
