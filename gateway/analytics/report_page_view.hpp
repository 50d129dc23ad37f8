// What a report's page shows, as data for templates/analytics/report.mustache: the options'
// form with the values asked for, and the report's table with a bar chart of its first count
// column (per month when its rows are months) and links to the CSV of the same query.
#pragma once

#include <nlohmann/json.hpp>

#include "gateway/analytics/report_catalogue.hpp"

namespace ehall::analytics {

// {"name","summary","options":[{"name","help","value","flag","checked"}]}
nlohmann::json report_form(const ReportKind& kind, const ReportParams& params);
// {"title","columns","rows":[{"cells"}],"chart","csv_href"}
nlohmann::json report_view(const ReportKind& kind, const ReportParams& params,
                           const ReportOutput& output);

}  // namespace ehall::analytics
