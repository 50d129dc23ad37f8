// `ehall report penetration --month M --plugin P` (DESIGN §6a, the e-channel plan's service
// penetration by brand): per brand, the customers holding P's product at the end of M over
// the brand's customers who had joined by then. What holding means is the plugin's own
// (Manifest::holding_sql); only plugins that declare it can be asked for.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "gateway/analytics/month.hpp"
#include "gateway/analytics/report_params.hpp"
#include "gateway/analytics/report_sources.hpp"
#include "gateway/analytics/report_table.hpp"

namespace ehall::analytics {

// Plugin id -> its holding SQL, for the plugins that declare one.
using Holdings = std::map<std::string, std::string, std::less<>>;

struct PenetrationQuery {
    Month month;
    std::string plugin;
    std::string holding_sql;

    // Throws ReportInputError naming the plugins that can be asked for.
    static PenetrationQuery from_params(const ReportParams& params, const Holdings& holdings);
};

// {"month","plugin","by_brand":{BRAND:{"holders","customers","rate"}}}
nlohmann::json penetration_report(ReportSources& sources, const PenetrationQuery& query);
ReportTable penetration_table(const nlohmann::json& report);

}  // namespace ehall::analytics
