// A raw SQLite connection for bulk work the Store's row-materialising API is not made for:
// imports that bind millions of rows and reports and exports that step through results
// with constant memory.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace ehall::analytics {

class Statement;

class SqliteFile {
  public:
    enum class Mode { read_only, read_write };
    // Throws std::runtime_error naming the file.
    SqliteFile(const std::filesystem::path& path, Mode mode);
    // Runs a script of one or more statements; throws on error.
    void exec(std::string_view sql);
    Statement prepare(std::string_view sql);
    sqlite3* handle() const { return db_.get(); }
    std::string error() const;

  private:
    struct Close {
        void operator()(sqlite3* db) const noexcept;
    };
    std::unique_ptr<sqlite3, Close> db_;
    std::filesystem::path path_;
};

// One prepared statement. Parameters are 1-based, columns 0-based, as in SQLite.
class Statement {
  public:
    Statement(SqliteFile& file, sqlite3_stmt* stmt) : file_(&file), stmt_(stmt) {}

    Statement& bind(int index, std::int64_t value);
    // The text must outlive the next step() (bound without copying).
    Statement& bind(int index, std::string_view value);
    Statement& bind_null(int index);
    // True while there is a row; throws on error.
    bool step();
    // Runs a statement that returns no rows (and resets it for the next binding).
    void run();
    void reset();

    std::int64_t integer(int column) const;
    std::string_view text(int column) const;
    bool is_null(int column) const;
    int column_count() const;
    std::string_view column_name(int column) const;

  private:
    struct Finalize {
        void operator()(sqlite3_stmt* stmt) const noexcept;
    };
    void check(int rc) const;

    SqliteFile* file_;
    std::unique_ptr<sqlite3_stmt, Finalize> stmt_;
};

}  // namespace ehall::analytics
