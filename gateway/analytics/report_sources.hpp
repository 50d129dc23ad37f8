// What a report reads: the journal (interactions) and, for cohorts, the store's customers.
#pragma once

#include <filesystem>

#include "gateway/analytics/sqlite_file.hpp"

namespace ehall::analytics {

struct ReportSources {
    SqliteFile& journal;
    std::filesystem::path store_db;  // ehall.db
};

// Opens journal.db for reports, creating the monthly summary they read if an older gateway
// made the file.
SqliteFile open_journal_for_reports(const std::filesystem::path& journal_db);

}  // namespace ehall::analytics
