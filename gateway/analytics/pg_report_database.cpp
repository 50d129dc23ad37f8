#include "gateway/analytics/pg_report_database.hpp"

#include "gateway/journal/pg_journal_schema.hpp"
#include "gateway/store/database_url.hpp"
#include "gateway/store/pg_connection.hpp"
#include "gateway/store/pg_dialect.hpp"
#include "gateway/store/pg_row_stream.hpp"

namespace ehall::analytics {

namespace {

class PgCursor final : public ReportStatement::Cursor {
  public:
    PgCursor(PgConnection& connection, std::string_view sql) : rows_(connection, sql) {}
    void bind(int index, std::int64_t value) override { rows_.bind(index, value); }
    void bind(int index, std::string_view value) override { rows_.bind(index, value); }
    void bind_null(int index) override { rows_.bind_null(index); }
    bool step() override { return rows_.step(); }
    void reset() override { rows_.reset(); }
    std::int64_t integer(int column) const override { return rows_.integer(column); }
    std::string_view text(int column) const override { return rows_.text(column); }
    bool is_null(int column) const override { return rows_.is_null(column); }

  private:
    PgRowStream rows_;
};

}  // namespace

PgReportDatabase::PgReportDatabase(const std::string& url)
    : connection_(std::make_unique<PgConnection>(url, without_password(url))) {
    apply_pg_journal_schema(*connection_);
    connection_->run_raw("BEGIN ISOLATION LEVEL REPEATABLE READ");
}

PgReportDatabase::~PgReportDatabase() {
    connection_->rollback_quietly();
}

void PgReportDatabase::exec(std::string_view sql) {
    connection_->run_raw(postgres_statement(sql).sql.c_str());
}

ReportStatement PgReportDatabase::prepare(std::string_view sql) {
    return ReportStatement(std::make_unique<PgCursor>(*connection_, sql));
}

std::string PgReportDatabase::temp_table(std::string_view name) const {
    return std::string("pg_temp.").append(name);
}

}  // namespace ehall::analytics
