#include "gateway/store/online_backup.hpp"

#include <sqlite3.h>

#include <memory>
#include <string>

namespace ehall {

namespace {

struct CloseDb {
    void operator()(sqlite3* db) const noexcept { sqlite3_close_v2(db); }
};
using Db = std::unique_ptr<sqlite3, CloseDb>;

Db open_db(const std::filesystem::path& path, int flags) {
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    Db db(raw);
    if (rc != SQLITE_OK)
        throw BackupError("cannot open " + path.string() + ": " +
                          (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)));
    sqlite3_busy_timeout(raw, 5000);
    return db;
}

std::string integrity_of(sqlite3* db) {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &raw, nullptr) != SQLITE_OK)
        return sqlite3_errmsg(db);
    std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> stmt(raw, sqlite3_finalize);
    if (sqlite3_step(raw) != SQLITE_ROW)
        return sqlite3_errmsg(db);
    return reinterpret_cast<const char*>(sqlite3_column_text(raw, 0));
}

BackupResult copy_pages(sqlite3* from, sqlite3* to, const std::filesystem::path& source) {
    sqlite3_backup* backup = sqlite3_backup_init(to, "main", from, "main");
    if (!backup)
        throw BackupError("cannot start the backup of " + source.string() + ": " +
                          sqlite3_errmsg(to));
    // One step over all pages: a chunked copy would restart whenever the gateway writes.
    int rc = sqlite3_backup_step(backup, -1);
    while (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
        sqlite3_sleep(50);
        rc = sqlite3_backup_step(backup, -1);
    }
    BackupResult result{.pages = sqlite3_backup_pagecount(backup)};
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE)
        throw BackupError("backup of " + source.string() + " failed: " + sqlite3_errstr(rc));
    return result;
}

}  // namespace

BackupResult backup_database(const std::filesystem::path& source,
                             const std::filesystem::path& target) {
    if (!std::filesystem::exists(source))
        throw BackupError("no database at " + source.string());
    if (std::filesystem::exists(target))
        throw BackupError(target.string() + " already exists; not overwriting it");
    BackupResult result;
    try {
        Db from = open_db(source, SQLITE_OPEN_READONLY);
        Db to = open_db(target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        result = copy_pages(from.get(), to.get(), source);
        const std::string integrity = integrity_of(to.get());
        if (integrity != "ok")
            throw BackupError("the copy of " + source.string() +
                              " fails integrity_check: " + integrity);
    } catch (...) {
        std::error_code ignored;
        std::filesystem::remove(target, ignored);
        throw;
    }
    result.bytes = static_cast<std::int64_t>(std::filesystem::file_size(target));
    return result;
}

}  // namespace ehall
