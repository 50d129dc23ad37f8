#include "gateway/store/sqlite_connection.hpp"

#include <sqlite3.h>

#include <climits>
#include <string>
#include <string_view>
#include <utility>

#include "gateway/store/sql_excerpt.hpp"

namespace ehall {

namespace {

// SQL texts are constants in code; the cap only guards against SQL built at run time.
constexpr std::size_t kMaxCachedStatements = 512;

// A misuse by the caller, as opposed to an error reported by SQLite.
[[noreturn]] void refuse(const std::string& what, std::string_view sql) {
    throw StoreError("sqlite: " + what + " [" + sql_excerpt(sql) + "]", false);
}

bool only_whitespace(std::string_view text) {
    return text.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos;
}

// Leaves a cached statement ready for its next use, however the current one ended.
struct Reset {
    void operator()(sqlite3_stmt* stmt) const noexcept {
        sqlite3_reset(stmt);
        sqlite3_clear_bindings(stmt);
    }
};
using ResetOnExit = std::unique_ptr<sqlite3_stmt, Reset>;

SqlValue column_value(sqlite3_stmt* stmt, int i) {
    switch (sqlite3_column_type(stmt, i)) {
        case SQLITE_INTEGER:
            return static_cast<std::int64_t>(sqlite3_column_int64(stmt, i));
        case SQLITE_FLOAT:
            return sqlite3_column_double(stmt, i);
        case SQLITE_NULL:
            return nullptr;
        default: {  // TEXT or BLOB, bytes as stored
            const auto* data = static_cast<const char*>(sqlite3_column_blob(stmt, i));
            const int size = sqlite3_column_bytes(stmt, i);
            return data ? std::string(data, static_cast<std::size_t>(size)) : std::string();
        }
    }
}

}  // namespace

void SqliteConnection::CloseDb::operator()(sqlite3* db) const noexcept {
    sqlite3_close_v2(db);
}

void SqliteConnection::Finalize::operator()(sqlite3_stmt* stmt) const noexcept {
    sqlite3_finalize(stmt);
}

SqliteConnection::SqliteConnection(const std::filesystem::path& path,
                                   std::chrono::milliseconds busy_timeout, bool set_wal) {
    sqlite3* db = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
    db_.reset(db);
    if (rc != SQLITE_OK) {
        throw StoreError("sqlite: cannot open " + path.string() + ": " +
                             (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)),
                         false);
    }
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, static_cast<int>(busy_timeout.count()));
    // WAL is persistent in the file, so only the first connection needs to set it.
    if (set_wal) {
        const Rows mode = query("PRAGMA journal_mode=WAL", {});
        if (mode.empty() || mode.front().text("journal_mode") != "wal") {
            throw StoreError("sqlite: WAL mode unavailable for " + path.string(), false);
        }
    }
    execute("PRAGMA synchronous=FULL", {});
    execute("PRAGMA foreign_keys=ON", {});
}

[[noreturn]] void SqliteConnection::fail(int rc, std::string_view sql) const {
    throw StoreError(
        "sqlite: " + std::string(sqlite3_errmsg(db_.get())) + " [" + sql_excerpt(sql) + "]",
        (rc & 0xff) == SQLITE_CONSTRAINT);
}

SqliteConnection::Cached* SqliteConnection::cached(std::string_view sql) {
    if (auto it = cache_.find(sql); it != cache_.end())
        return &it->second;
    if (sql.size() >= INT_MAX)
        refuse("statement too long", sql.substr(0, 80));
    sqlite3_stmt* raw = nullptr;
    const char* tail = nullptr;
    const int rc = sqlite3_prepare_v3(db_.get(), sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &raw, &tail);
    StatementPtr stmt(raw);
    if (rc != SQLITE_OK)
        fail(rc, sql);
    if (!stmt)
        refuse("empty statement", sql);
    if (!only_whitespace(sql.substr(static_cast<std::size_t>(tail - sql.data()))))
        return nullptr;
    if (cache_.size() >= kMaxCachedStatements)
        cache_.clear();
    return &cache_.emplace(std::string(sql), Cached{std::move(stmt), nullptr}).first->second;
}

// Read after a step: a schema change may have re-prepared the statement.
const SqliteConnection::Names& SqliteConnection::names_of(Cached& cached) {
    sqlite3_stmt* stmt = cached.stmt.get();
    const int count = sqlite3_column_count(stmt);
    if (!cached.names || cached.names->size() != static_cast<std::size_t>(count)) {
        auto names = std::make_shared<std::vector<std::string>>();
        names->reserve(static_cast<std::size_t>(count));
        for (int i = 0; i < count; ++i) {
            const char* name = sqlite3_column_name(stmt, i);
            names->emplace_back(name ? name : "");
        }
        cached.names = std::move(names);
    }
    return cached.names;
}

void SqliteConnection::bind(sqlite3_stmt* stmt, const SqlParams& params, std::string_view sql) {
    if (read_only_ && !sqlite3_stmt_readonly(stmt)) {
        refuse("write in a read transaction", sql);
    }
    const int count = sqlite3_bind_parameter_count(stmt);
    if (params.size() != static_cast<std::size_t>(count)) {
        refuse(std::to_string(params.size()) + " parameters for " + std::to_string(count) +
                   " placeholders",
               sql);
    }
    for (int i = 0; i < count; ++i) {
        const SqlValue& value = params[static_cast<std::size_t>(i)];
        int rc = SQLITE_OK;
        if (const auto* n = std::get_if<std::int64_t>(&value)) {
            rc = sqlite3_bind_int64(stmt, i + 1, *n);
        } else if (const auto* d = std::get_if<double>(&value)) {
            rc = sqlite3_bind_double(stmt, i + 1, *d);
        } else if (const auto* s = std::get_if<std::string>(&value)) {
            // STATIC: `params` outlives the statement's use, no copy needed.
            rc = sqlite3_bind_text64(stmt, i + 1, s->data(), s->size(), SQLITE_STATIC, SQLITE_UTF8);
        } else {
            rc = sqlite3_bind_null(stmt, i + 1);
        }
        if (rc != SQLITE_OK)
            fail(rc, sql);
    }
}

std::int64_t SqliteConnection::step_all(sqlite3_stmt* stmt, std::string_view sql) {
    const auto before = sqlite3_total_changes64(db_.get());
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    }
    if (rc != SQLITE_DONE)
        fail(rc, sql);
    // sqlite3_changes() keeps the last DML's count across DDL; report 0 for those.
    return sqlite3_total_changes64(db_.get()) == before ? 0 : sqlite3_changes64(db_.get());
}

std::int64_t SqliteConnection::run_script(std::string_view sql) {
    std::int64_t changed = 0;
    const char* at = sql.data();
    const char* const end = at + sql.size();
    while (at < end) {
        sqlite3_stmt* raw = nullptr;
        const char* tail = nullptr;
        const std::string_view rest(at, static_cast<std::size_t>(end - at));
        const int rc =
            sqlite3_prepare_v2(db_.get(), at, static_cast<int>(rest.size()), &raw, &tail);
        StatementPtr stmt(raw);
        if (rc != SQLITE_OK)
            fail(rc, rest);
        if (tail <= at)
            break;
        at = tail;
        if (!stmt)
            continue;  // a comment or an empty statement
        bind(stmt.get(), {}, rest);
        changed += step_all(stmt.get(), rest);
    }
    return changed;
}

Rows SqliteConnection::query(std::string_view sql, const SqlParams& params) {
    Cached* cached_stmt = cached(sql);
    if (!cached_stmt)
        refuse("query takes one statement", sql);
    sqlite3_stmt* stmt = cached_stmt->stmt.get();
    ResetOnExit reset(stmt);
    bind(stmt, params, sql);
    Rows rows;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        const Names& names = names_of(*cached_stmt);
        const int count = static_cast<int>(names->size());
        std::vector<SqlValue> values;
        values.reserve(names->size());
        for (int i = 0; i < count; ++i)
            values.push_back(column_value(stmt, i));
        rows.emplace_back(names, std::move(values));
    }
    if (rc != SQLITE_DONE)
        fail(rc, sql);
    return rows;
}

std::int64_t SqliteConnection::last_insert_id() {
    return sqlite3_last_insert_rowid(db_.get());
}

void SqliteConnection::rollback_quietly() noexcept {
    if (!sqlite3_get_autocommit(db_.get())) {
        sqlite3_exec(db_.get(), "ROLLBACK", nullptr, nullptr, nullptr);
    }
}

std::int64_t SqliteConnection::execute(std::string_view sql, const SqlParams& params) {
    Cached* cached_stmt = cached(sql);
    if (!cached_stmt) {
        if (!params.empty()) {
            refuse("parameters need a single statement", sql);
        }
        return run_script(sql);
    }
    sqlite3_stmt* stmt = cached_stmt->stmt.get();
    ResetOnExit reset(stmt);
    bind(stmt, params, sql);
    return step_all(stmt, sql);
}

}  // namespace ehall
