// `ehall report cohort --joined M --business B --month M2` (DESIGN §6a, §8): the customers
// who joined in M, by the channel of their first B-transaction up to the end of M2.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "gateway/analytics/month.hpp"
#include "gateway/analytics/report_params.hpp"
#include "gateway/analytics/report_sources.hpp"
#include "gateway/analytics/report_table.hpp"

namespace ehall::analytics {

struct CohortQuery {
    Month joined;
    std::string business;
    Month until;  // the last month counted (--month)

    static CohortQuery from_params(const ReportParams& params);
};

// {"joined","business","month","cohort_size","by_channel":{CH:n},"without":n}: `without`
// counts cohort customers with no such transaction yet.
nlohmann::json cohort_report(ReportSources& sources, const CohortQuery& query);
ReportTable cohort_table(const nlohmann::json& report);

}  // namespace ehall::analytics
