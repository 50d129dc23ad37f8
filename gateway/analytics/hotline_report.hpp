// `ehall report hotline --base M0 --months M1,... [--min-calls N]` (DESIGN §6a, the operator's
// hotline case): the customers with at least N hotline contacts in M0, and per month how many
// of them stopped calling and how many called only once; who stayed away in every listed
// month, whose preference for the hotline fell, and what they called about in M0.
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
    int min_calls = 3;

    static HotlineQuery from_params(const ReportParams& params);
};

// {"base","min_calls","target_size",
//  "months":[{"month","no_calls","no_calls_rate","below_two","below_two_rate"}],
//  "consecutive":{"months","no_calls","rate"},"level_drop":{"month","dropped","rate"},
//  "by_business":{B:n}}
// below_two: target customers with exactly one contact in the month, below_two_rate its share
// of the target customers who called then; every other rate is a share of target_size.
nlohmann::json hotline_report(ReportSources& sources, const HotlineQuery& query);
ReportTable hotline_table(const nlohmann::json& report);

}  // namespace ehall::analytics
