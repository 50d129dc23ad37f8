#include "gateway/analytics/sqlite_file.hpp"

#include <sqlite3.h>

#include <stdexcept>

namespace ehall::analytics {

void SqliteFile::Close::operator()(sqlite3* db) const noexcept {
    sqlite3_close_v2(db);
}

SqliteFile::SqliteFile(const std::filesystem::path& path, Mode mode) : path_(path) {
    const int flags =
        mode == Mode::read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    db_.reset(raw);
    if (rc != SQLITE_OK)
        throw std::runtime_error("cannot open " + path.string() + ": " + error());
    sqlite3_busy_timeout(raw, 5000);
}

std::string SqliteFile::error() const {
    return db_ ? sqlite3_errmsg(db_.get()) : "out of memory";
}

void SqliteFile::exec(std::string_view sql) {
    const std::string script(sql);
    if (sqlite3_exec(db_.get(), script.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK)
        throw std::runtime_error(path_.filename().string() + ": " + error());
}

Statement SqliteFile::prepare(std::string_view sql) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(db_.get(), sql.data(), static_cast<int>(sql.size()),
                           SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK)
        throw std::runtime_error(path_.filename().string() + ": " + error());
    return Statement(*this, stmt);
}

void Statement::Finalize::operator()(sqlite3_stmt* stmt) const noexcept {
    sqlite3_finalize(stmt);
}

void Statement::check(int rc) const {
    if (rc != SQLITE_OK)
        throw std::runtime_error(file_->error());
}

Statement& Statement::bind(int index, std::int64_t value) {
    check(sqlite3_bind_int64(stmt_.get(), index, value));
    return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
    check(sqlite3_bind_text(stmt_.get(), index, value.data(), static_cast<int>(value.size()),
                            SQLITE_STATIC));
    return *this;
}

Statement& Statement::bind_null(int index) {
    check(sqlite3_bind_null(stmt_.get(), index));
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_.get());
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    std::string message = file_->error();
    sqlite3_reset(stmt_.get());
    throw std::runtime_error(message);
}

void Statement::run() {
    while (step()) {
    }
    reset();
}

void Statement::reset() {
    sqlite3_reset(stmt_.get());
}

std::int64_t Statement::integer(int column) const {
    return sqlite3_column_int64(stmt_.get(), column);
}

std::string_view Statement::text(int column) const {
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(stmt_.get(), column));
    if (!data)
        return {};
    return {data, static_cast<std::size_t>(sqlite3_column_bytes(stmt_.get(), column))};
}

bool Statement::is_null(int column) const {
    return sqlite3_column_type(stmt_.get(), column) == SQLITE_NULL;
}

int Statement::column_count() const {
    return sqlite3_column_count(stmt_.get());
}

std::string_view Statement::column_name(int column) const {
    return sqlite3_column_name(stmt_.get(), column);
}

}  // namespace ehall::analytics
