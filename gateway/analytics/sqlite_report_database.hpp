// Reports on SQLite: journal.db with its summary file, and ehall.db attached as `store`
// while a report needs it (report_database.hpp).
#pragma once

#include "gateway/analytics/report_database.hpp"
#include "gateway/analytics/sqlite_file.hpp"

namespace ehall::analytics {

class SqliteReportDatabase final : public ReportDatabase {
  public:
    enum class Use {
        reports,    // data_dir/journal.db, created if missing, its summary brought up to date
        rows_only,  // journal.db read-only, without its summary; it must exist
    };
    SqliteReportDatabase(const std::filesystem::path& data_dir, Use use);

    std::string_view engine() const override { return "sqlite"; }
    void exec(std::string_view sql) override { journal_.exec(sql); }
    ReportStatement prepare(std::string_view sql) override;
    std::string store_table(std::string_view name) const override;
    std::string temp_table(std::string_view name) const override;
    void with_store(const std::function<void()>& work) override;

  private:
    SqliteFile journal_;
    std::filesystem::path store_db_;  // ehall.db
};

}  // namespace ehall::analytics
