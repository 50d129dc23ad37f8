// Opening journal.db for the analytics: created if missing, its schema applied
// (gateway/journal/journal_schema.hpp), and for reports and exports its summary file attached
// (gateway/journal/journal_summary.hpp) and brought up to date, so that `monthly_usage` and
// `customer_interactions` cover every row written before the call.
#pragma once

#include <filesystem>

#include "gateway/analytics/sqlite_file.hpp"

namespace ehall::analytics {

// Throws std::runtime_error naming the file.
SqliteFile open_journal(const std::filesystem::path& journal_db);
// journal.db alone, created if missing and its schema applied, without the summary file: for
// an import, whose write transaction would otherwise lock the summary too (SummaryBulkLoad
// writes it on a connection of its own). Throws as open_journal.
SqliteFile open_journal_without_summary(const std::filesystem::path& journal_db);

}  // namespace ehall::analytics
