#include "gateway/analytics/report_sources.hpp"

namespace ehall::analytics {

std::string ReportSources::customers_only(std::string_view column) const {
    if (!narrowed)
        return {};
    return std::string(" AND ")
        .append(column)
        .append(" IN (SELECT msisdn FROM ")
        .append(db.temp_table("report_customers"))
        .append(")");
}

}  // namespace ehall::analytics
