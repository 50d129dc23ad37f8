#include "gateway/analytics/sqlite_report_database.hpp"

#include <stdexcept>

#include "gateway/analytics/journal_file.hpp"

namespace ehall::analytics {

namespace {

class SqliteCursor final : public ReportStatement::Cursor {
  public:
    explicit SqliteCursor(Statement statement) : statement_(std::move(statement)) {}
    void bind(int index, std::int64_t value) override { statement_.bind(index, value); }
    void bind(int index, std::string_view value) override { statement_.bind(index, value); }
    void bind_null(int index) override { statement_.bind_null(index); }
    bool step() override { return statement_.step(); }
    void reset() override { statement_.reset(); }
    std::int64_t integer(int column) const override { return statement_.integer(column); }
    std::string_view text(int column) const override { return statement_.text(column); }
    bool is_null(int column) const override { return statement_.is_null(column); }

  private:
    Statement statement_;
};

SqliteFile open_for(const std::filesystem::path& journal_db, SqliteReportDatabase::Use use) {
    if (use == SqliteReportDatabase::Use::rows_only)
        return SqliteFile(journal_db, SqliteFile::Mode::read_only);
    SqliteFile journal = open_journal(journal_db);
    journal.exec("PRAGMA temp_store=FILE; PRAGMA cache_size=-65536;");
    return journal;
}

}  // namespace

SqliteReportDatabase::SqliteReportDatabase(const std::filesystem::path& data_dir, Use use)
    : journal_(open_for(data_dir / "journal.db", use)), store_db_(data_dir / "ehall.db") {}

ReportStatement SqliteReportDatabase::prepare(std::string_view sql) {
    return ReportStatement(std::make_unique<SqliteCursor>(journal_.prepare(sql)));
}

std::string SqliteReportDatabase::store_table(std::string_view name) const {
    return std::string("store.").append(name);
}

std::string SqliteReportDatabase::temp_table(std::string_view name) const {
    return std::string("temp.").append(name);
}

void SqliteReportDatabase::with_store(const std::function<void()>& work) {
    if (!std::filesystem::exists(store_db_))
        throw std::runtime_error("no store at " + store_db_.string());
    Statement attach = journal_.prepare("ATTACH DATABASE ?1 AS store");
    attach.bind(1, store_db_.string()).run();
    try {
        work();
    } catch (...) {
        journal_.exec("DETACH DATABASE store");
        throw;
    }
    journal_.exec("DETACH DATABASE store");
}

}  // namespace ehall::analytics
