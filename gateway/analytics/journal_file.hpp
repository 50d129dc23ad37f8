// Opening journal.db for the analytics (imports and reports): created if missing, its schema
// applied (gateway/journal/journal_schema.hpp), so an older file gets the monthly summary.
#pragma once

#include <filesystem>

#include "gateway/analytics/sqlite_file.hpp"

namespace ehall::analytics {

// Throws std::runtime_error naming the file.
SqliteFile open_journal(const std::filesystem::path& journal_db);

}  // namespace ehall::analytics
