#include "gateway/analytics/journal_file.hpp"

#include <sqlite3.h>

#include <stdexcept>

#include "gateway/journal/journal_schema.hpp"

namespace ehall::analytics {

SqliteFile open_journal(const std::filesystem::path& journal_db) {
    if (journal_db.has_parent_path())
        std::filesystem::create_directories(journal_db.parent_path());
    SqliteFile journal(journal_db, SqliteFile::Mode::read_write);
    if (apply_journal_schema(journal.handle()) != SQLITE_OK)
        throw std::runtime_error(journal_db.filename().string() + ": " + journal.error());
    return journal;
}

}  // namespace ehall::analytics
