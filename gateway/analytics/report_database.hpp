// What reports and exports read through: the SQLite journal with the store attached, or the
// PostgreSQL store that holds the journal too (DESIGN §9). Both speak one SQL where they can;
// a report names the store's and its temporary tables through store_table and temp_table,
// and checks engine() where the engines' SQL has to differ.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "gateway/analytics/data_place.hpp"

namespace ehall::analytics {

// One query whose rows are read one at a time. Parameters are 1-based, columns 0-based.
class ReportStatement {
  public:
    class Cursor {
      public:
        virtual ~Cursor() = default;
        virtual void bind(int index, std::int64_t value) = 0;
        virtual void bind(int index, std::string_view value) = 0;
        virtual void bind_null(int index) = 0;
        virtual bool step() = 0;
        virtual void reset() = 0;
        virtual std::int64_t integer(int column) const = 0;
        virtual std::string_view text(int column) const = 0;
        virtual bool is_null(int column) const = 0;
    };

    explicit ReportStatement(std::unique_ptr<Cursor> cursor) : cursor_(std::move(cursor)) {}

    ReportStatement& bind(int index, std::int64_t value);
    // The text must outlive the next step() (SQLite binds it without copying).
    ReportStatement& bind(int index, std::string_view value);
    ReportStatement& bind_null(int index);
    // True while there is a row; throws on error.
    bool step() { return cursor_->step(); }
    // Runs a statement that returns no rows (and resets it for the next binding).
    void run();
    void reset() { cursor_->reset(); }

    std::int64_t integer(int column) const { return cursor_->integer(column); }
    std::string_view text(int column) const { return cursor_->text(column); }
    bool is_null(int column) const { return cursor_->is_null(column); }

  private:
    std::unique_ptr<Cursor> cursor_;
};

class ReportDatabase {
  public:
    virtual ~ReportDatabase() = default;

    virtual std::string_view engine() const = 0;  // "sqlite" or "postgresql"
    // Runs a script of one or more statements; throws on error.
    virtual void exec(std::string_view sql) = 0;
    virtual ReportStatement prepare(std::string_view sql) = 0;
    // The store's table `name` as a query names it ("store.customers" when SQLite attaches
    // the store), and a temporary table of this connection.
    virtual std::string store_table(std::string_view name) const = 0;
    virtual std::string temp_table(std::string_view name) const = 0;
    // Runs `work` with the store's tables reachable, however it ends. Throws
    // std::runtime_error when there is no store.
    virtual void with_store(const std::function<void()>& work) = 0;
};

// The journal of data_dir (its monthly summary brought up to date) or, with a store URL,
// that database, reading one snapshot. Throws std::runtime_error or StoreError.
std::unique_ptr<ReportDatabase> open_report_database(const DataPlace& place);
// The same for reading the journal's rows alone: on SQLite the file read-only, without its
// summary (an export never waits to bring it up to date).
std::unique_ptr<ReportDatabase> open_journal_rows(const DataPlace& place);

}  // namespace ehall::analytics
