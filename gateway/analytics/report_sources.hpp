// What a report reads: the journal (interactions) and, for cohorts, the store's customers.
#pragma once

#include <filesystem>

#include "gateway/analytics/month.hpp"
#include "gateway/analytics/sqlite_file.hpp"

namespace ehall::analytics {

struct ReportSources {
    SqliteFile& journal;
    std::filesystem::path store_db;  // ehall.db
};

// Opens journal.db for reports, creating the indexes they need if an older gateway made it.
SqliteFile open_journal_for_reports(const std::filesystem::path& journal_db);

// The Shanghai month bounds [start, end) bound as parameters `first` and `first + 1`.
void bind_month(Statement& statement, int first, const Month& month);

}  // namespace ehall::analytics
