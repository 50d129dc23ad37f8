// `ehall report active --months M1,...` (DESIGN §6a, the e-channel plan's monthly active
// customers): per month and channel the customers with at least one ok transaction, and those
// active on any electronic channel (web, sms, kiosk, wap, mobile_pay), each counted once.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "gateway/analytics/month.hpp"
#include "gateway/analytics/report_params.hpp"
#include "gateway/analytics/report_sources.hpp"
#include "gateway/analytics/report_table.hpp"

namespace ehall::analytics {

struct ActiveQuery {
    std::vector<Month> months;

    static ActiveQuery from_params(const ReportParams& params);
};

// {"months":[{"month","by_channel":{CH:n} (every channel, 0 included),"echannel":n}]}
nlohmann::json active_report(ReportSources& sources, const ActiveQuery& query);
ReportTable active_table(const nlohmann::json& report);

}  // namespace ehall::analytics
