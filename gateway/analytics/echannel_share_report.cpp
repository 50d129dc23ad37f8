#include "gateway/analytics/echannel_share_report.hpp"

#include "gateway/analytics/vocabulary.hpp"

namespace ehall::analytics {

namespace {

// One business at a time, so each count is a range of the summary's primary key.
constexpr const char* kByChannel =
    "SELECT channel, SUM(n) FROM monthly_usage WHERE month = ?1 AND business = ?2";

}  // namespace

EchannelShareQuery EchannelShareQuery::from_params(const ReportParams& params) {
    EchannelShareQuery query{.months = months_param(params, "months"), .business = {}};
    if (auto it = params.find("business"); it != params.end() && !it->second.empty())
        query.business = business_param(params, "business");
    return query;
}

nlohmann::json echannel_share_report(ReportSources& sources, const EchannelShareQuery& query) {
    ReportStatement by_channel = sources.db.prepare(std::string(kByChannel)
                                                        .append(sources.customers_only("msisdn"))
                                                        .append(" GROUP BY channel"));
    nlohmann::json months = nlohmann::json::array();
    for (const Month& month : query.months) {
        std::int64_t total = 0, echannel = 0;
        for (std::string_view business : businesses) {
            if (!query.business.empty() && business != query.business)
                continue;
            by_channel.bind(1, std::int64_t{month.key()}).bind(2, business);
            while (by_channel.step()) {
                const std::int64_t n = by_channel.integer(1);
                total += n;
                if (is_one_of(echannels, by_channel.text(0)))
                    echannel += n;
            }
            by_channel.reset();
        }
        months.push_back({{"month", month.text()},
                          {"total", total},
                          {"echannel", echannel},
                          {"share", fraction(echannel, total)}});
    }
    nlohmann::json report = {{"months", std::move(months)}};
    if (!query.business.empty())
        report["business"] = query.business;
    return report;
}

ReportTable echannel_share_table(const nlohmann::json& report) {
    ReportTable table;
    table.title = "E-channel share (web, sms, kiosk, wap, mobile_pay) of " +
                  report.value("business", std::string("all")) + " transactions";
    table.columns = {"month", "total", "echannel", "share"};
    for (const auto& month : report["months"])
        table.rows.push_back({month["month"].get<std::string>(),
                              std::to_string(month["total"].get<long long>()),
                              std::to_string(month["echannel"].get<long long>()),
                              rate_cell(month["share"].get<double>())});
    return table;
}

}  // namespace ehall::analytics
