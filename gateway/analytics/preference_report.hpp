// `ehall report preference --business B --month M`: how the customers who did B in M spread
// over the preference levels 0..5 (DESIGN §6a) of each channel.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "gateway/analytics/month.hpp"
#include "gateway/analytics/report_params.hpp"
#include "gateway/analytics/report_sources.hpp"
#include "gateway/analytics/report_table.hpp"

namespace ehall::analytics {

struct PreferenceQuery {
    std::string business;
    Month month;

    static PreferenceQuery from_params(const ReportParams& params);
};

// {"business","month","customers","channels":[{"channel","levels":[n0,n1,n2,n3,n4,n5]}]}:
// levels[L] = customers whose level for that channel is L; every channel is listed.
nlohmann::json preference_report(ReportSources& sources, const PreferenceQuery& query);
ReportTable preference_table(const nlohmann::json& report);

}  // namespace ehall::analytics
