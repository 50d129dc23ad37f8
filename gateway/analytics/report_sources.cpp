#include "gateway/analytics/report_sources.hpp"

#include "gateway/journal/journal_schema.hpp"

namespace ehall::analytics {

SqliteFile open_journal_for_reports(const std::filesystem::path& journal_db) {
    if (journal_db.has_parent_path())
        std::filesystem::create_directories(journal_db.parent_path());
    SqliteFile journal(journal_db, SqliteFile::Mode::read_write);
    journal.exec(journal_schema_sql());
    journal.exec("PRAGMA temp_store=FILE; PRAGMA cache_size=-65536;");
    return journal;
}

}  // namespace ehall::analytics
