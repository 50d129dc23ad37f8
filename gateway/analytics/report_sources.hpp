// What a report reads: the journal (interactions) and the store's customers (cohorts, the
// brand and segment filter).
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

#include "gateway/analytics/sqlite_file.hpp"

namespace ehall::analytics {

struct ReportSources {
    SqliteFile& journal;
    std::filesystem::path store_db;  // ehall.db
    // Whether --brand or --segment chose the customers that count (customer_filter.hpp).
    bool narrowed = false;

    // A query's condition that `column` (an msisdn) is one of the customers that count:
    // " AND <column> IN temp.report_customers", or "" when every customer counts.
    std::string customers_only(std::string_view column) const;
    // Runs `work` with the store attached to the journal connection as `store`, detached
    // again however `work` ends. Throws std::runtime_error when there is no store.
    void with_store(const std::function<void()>& work);
};

// Opens journal.db for reports, creating the monthly summary they read if an older gateway
// made the file.
SqliteFile open_journal_for_reports(const std::filesystem::path& journal_db);

}  // namespace ehall::analytics
