// The analyst dashboard's data for templates/analytics/dashboard.mustache: the choices,
// and for each report its chart (SVG), its table rows and its CSV link.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "gateway/analytics/month.hpp"
#include "gateway/analytics/report_params.hpp"

namespace ehall::analytics {

// The form's values from the query, with defaults: payment, hall, the three months before
// the current one (Shanghai) measured against the month before them, level 4.
ReportParams dashboard_params(const ReportParams& query, std::int64_t now_ms);

// The form's choices (businesses, channels, levels) with the chosen ones selected.
nlohmann::json dashboard_form(const ReportParams& params);

// The view of a diversion report and an e-channel share report (their JSON), with CSV links
// carrying `params`.
nlohmann::json dashboard_view(const nlohmann::json& diversion, const nlohmann::json& share,
                              const ReportParams& params);

}  // namespace ehall::analytics
