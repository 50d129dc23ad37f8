// `ehall report hotline --base M0 --months ...`: customers with at least 3 hotline contacts
// in M0, and per month how many of them made none and how many fewer than 2.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "gateway/analytics/month.hpp"
#include "gateway/analytics/report_params.hpp"
#include "gateway/analytics/report_sources.hpp"
#include "gateway/analytics/report_table.hpp"

namespace ehall::analytics {

struct HotlineQuery {
    Month base;
    std::vector<Month> months;

    static HotlineQuery from_params(const ReportParams& params);
};

// {"base","min_contacts":3,"target_size","months":[{"month","none","none_rate","below_two",
// "below_two_rate"}]}; below_two counts customers with 0 or 1 contacts (so includes none).
nlohmann::json hotline_report(ReportSources& sources, const HotlineQuery& query);
ReportTable hotline_table(const nlohmann::json& report);

}  // namespace ehall::analytics
