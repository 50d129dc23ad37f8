// Reports on PostgreSQL: one connection of their own to the store's database, which holds
// the journal's `interactions` and `monthly_usage` beside the store's tables, reading one
// snapshot (REPEATABLE READ). Reports write only temporary tables, and the transaction is
// rolled back at the end, so nothing a report does outlives it.
#pragma once

#include <memory>

#include "gateway/analytics/report_database.hpp"

namespace ehall {
class PgConnection;
}

namespace ehall::analytics {

class PgReportDatabase final : public ReportDatabase {
  public:
    // Connects and creates the journal's tables if missing; throws StoreError naming the URL
    // without its password.
    explicit PgReportDatabase(const std::string& url);
    ~PgReportDatabase() override;

    std::string_view engine() const override { return "postgresql"; }
    void exec(std::string_view sql) override;
    ReportStatement prepare(std::string_view sql) override;
    std::string store_table(std::string_view name) const override { return std::string(name); }
    std::string temp_table(std::string_view name) const override;
    void with_store(const std::function<void()>& work) override { work(); }

  private:
    std::unique_ptr<PgConnection> connection_;
};

}  // namespace ehall::analytics
