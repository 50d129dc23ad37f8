#include "gateway/analytics/report_database.hpp"

#include "gateway/analytics/pg_report_database.hpp"
#include "gateway/analytics/sqlite_report_database.hpp"

namespace ehall::analytics {

ReportStatement& ReportStatement::bind(int index, std::int64_t value) {
    cursor_->bind(index, value);
    return *this;
}

ReportStatement& ReportStatement::bind(int index, std::string_view value) {
    cursor_->bind(index, value);
    return *this;
}

ReportStatement& ReportStatement::bind_null(int index) {
    cursor_->bind_null(index);
    return *this;
}

void ReportStatement::run() {
    while (cursor_->step()) {
    }
    cursor_->reset();
}

std::unique_ptr<ReportDatabase> open_report_database(const DataPlace& place) {
    if (!place.store_url.empty())
        return std::make_unique<PgReportDatabase>(place.store_url);
    return std::make_unique<SqliteReportDatabase>(place.data_dir,
                                                  SqliteReportDatabase::Use::reports);
}

std::unique_ptr<ReportDatabase> open_journal_rows(const DataPlace& place) {
    if (!place.store_url.empty())
        return std::make_unique<PgReportDatabase>(place.store_url);
    return std::make_unique<SqliteReportDatabase>(place.data_dir,
                                                  SqliteReportDatabase::Use::rows_only);
}

}  // namespace ehall::analytics
