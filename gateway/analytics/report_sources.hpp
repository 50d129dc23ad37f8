// What a report reads: the journal (interactions, monthly_usage) and the store's customers
// (cohorts, the brand and segment filter), through one ReportDatabase.
#pragma once

#include <string>
#include <string_view>

#include "gateway/analytics/report_database.hpp"

namespace ehall::analytics {

struct ReportSources {
    ReportDatabase& db;
    // Whether --brand or --segment chose the customers that count (customer_filter.hpp).
    bool narrowed = false;

    // A query's condition that `column` (an msisdn) is one of the customers that count:
    // " AND <column> IN (SELECT msisdn FROM <report_customers>)", or "" when every customer
    // counts.
    std::string customers_only(std::string_view column) const;
};

}  // namespace ehall::analytics
