// Opening journal.db for the analytics (imports and reports): created if missing, its schema
// applied (gateway/journal/journal_schema.hpp), and its summary file attached
// (gateway/journal/journal_summary.hpp) and brought up to date, so that `monthly_usage` and
// `customer_interactions` cover every row written before the call.
#pragma once

#include <filesystem>

#include "gateway/analytics/sqlite_file.hpp"

namespace ehall::analytics {

// Throws std::runtime_error naming the file.
SqliteFile open_journal(const std::filesystem::path& journal_db);

// Brings the summary of a journal opened by open_journal up to date; throws as open_journal.
void update_summary(SqliteFile& journal, const std::filesystem::path& journal_db);

}  // namespace ehall::analytics
