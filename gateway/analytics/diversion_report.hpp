// `ehall report diversion` (DESIGN §6a, §8): of the customers who preferred channel `from`
// for `business` in the base month, who stopped using it in each month, where they went
// instead, and who stayed away in every listed month.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "gateway/analytics/month.hpp"
#include "gateway/analytics/report_params.hpp"
#include "gateway/analytics/report_sources.hpp"
#include "gateway/analytics/report_table.hpp"

namespace ehall::analytics {

struct DiversionQuery {
    std::string business;
    std::string from;  // the channel the target group preferred
    Month base;
    std::vector<Month> months;
    int min_level = 4;
    bool by_hall = false;  // also per hall of the target customers (home_hall.hpp)

    static DiversionQuery from_params(const ReportParams& params);
};

// {"business","from","base","min_level","target_size","months":[{"month","diverted","rate",
// "by_channel":{CH2:n}}],"consecutive":{"months":[...],"diverted","rate"}}, with by_hall:
// "by_hall":{HALL:{"target_size","months":[{"month","diverted","rate"}]}} (target customers
// without a hall in the base month are in no hall's figures).
nlohmann::json diversion_report(ReportSources& sources, const DiversionQuery& query);
ReportTable diversion_table(const nlohmann::json& report);

}  // namespace ehall::analytics
