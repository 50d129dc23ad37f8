// `ehall report echannel-share` (DESIGN §6a): per month all ok transactions, those via the
// electronic channels (web, sms, kiosk, wap, mobile_pay) and their share.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "gateway/analytics/month.hpp"
#include "gateway/analytics/report_params.hpp"
#include "gateway/analytics/report_sources.hpp"
#include "gateway/analytics/report_table.hpp"

namespace ehall::analytics {

struct EchannelShareQuery {
    std::vector<Month> months;
    std::string business;  // empty: every business

    static EchannelShareQuery from_params(const ReportParams& params);
};

// {"months":[{"month","total","echannel","share"}]} (plus "business" when one was chosen).
nlohmann::json echannel_share_report(ReportSources& sources, const EchannelShareQuery& query);
ReportTable echannel_share_table(const nlohmann::json& report);

}  // namespace ehall::analytics
