#include "gateway/analytics/journal_file.hpp"

#include <sqlite3.h>

#include <stdexcept>

#include "gateway/journal/journal_schema.hpp"
#include "gateway/journal/journal_summary.hpp"

namespace ehall::analytics {

SqliteFile open_journal_without_summary(const std::filesystem::path& journal_db) {
    if (journal_db.has_parent_path())
        std::filesystem::create_directories(journal_db.parent_path());
    SqliteFile journal(journal_db, SqliteFile::Mode::read_write);
    if (apply_journal_schema(journal.handle()) != SQLITE_OK)
        throw std::runtime_error(journal_db.filename().string() + ": " + journal.error());
    return journal;
}

SqliteFile open_journal(const std::filesystem::path& journal_db) {
    SqliteFile journal = open_journal_without_summary(journal_db);
    if (attach_journal_summary(journal.handle(), journal_db, true) != SQLITE_OK)
        throw std::runtime_error(journal_db.filename().string() + ": " + journal.error());
    journal.exec("PRAGMA threads=2");
    if (const auto error = update_journal_summary(journal.handle()))
        throw std::runtime_error(journal_summary_path(journal_db).filename().string() + ": " +
                                 *error);
    return journal;
}

}  // namespace ehall::analytics
