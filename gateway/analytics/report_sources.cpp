#include "gateway/analytics/report_sources.hpp"

#include "gateway/analytics/journal_file.hpp"

namespace ehall::analytics {

SqliteFile open_journal_for_reports(const std::filesystem::path& journal_db) {
    SqliteFile journal = open_journal(journal_db);
    journal.exec("PRAGMA temp_store=FILE; PRAGMA cache_size=-65536;");
    return journal;
}

}  // namespace ehall::analytics
