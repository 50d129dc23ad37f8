#include "gateway/analytics/preference_report.hpp"

#include <array>

#include "gateway/analytics/customer_usage.hpp"
#include "gateway/analytics/preference_level.hpp"
#include "gateway/analytics/vocabulary.hpp"

namespace ehall::analytics {

PreferenceQuery PreferenceQuery::from_params(const ReportParams& params) {
    return {.business = business_param(params, "business"), .month = month_param(params, "month")};
}

nlohmann::json preference_report(ReportSources& sources, const PreferenceQuery& query) {
    std::int64_t total = 0;
    std::array<std::array<std::int64_t, 6>, channels.size()> levels{};  // [channel][level]
    CustomerUsageReader usage(sources, query.month, query.business);
    while (usage.next()) {
        ++total;
        const CustomerUsage& customer = usage.customer();
        for (std::size_t channel = 0; channel < channels.size(); ++channel)
            ++levels[channel][static_cast<std::size_t>(
                preference_level(customer.by_channel[channel], customer.total))];
    }
    nlohmann::json channel_rows = nlohmann::json::array();
    for (std::size_t channel = 0; channel < channels.size(); ++channel)
        channel_rows.push_back({{"channel", channels[channel]}, {"levels", levels[channel]}});
    return {{"business", query.business},
            {"month", query.month.text()},
            {"customers", total},
            {"channels", std::move(channel_rows)}};
}

ReportTable preference_table(const nlohmann::json& report) {
    ReportTable table;
    table.title = "Preference levels for " + report["business"].get<std::string>() + " in " +
                  report["month"].get<std::string>() + ": " +
                  std::to_string(report["customers"].get<long long>()) + " customers";
    table.columns = {"channel", "level 0", "level 1", "level 2", "level 3", "level 4", "level 5"};
    for (const auto& channel : report["channels"]) {
        std::vector<std::string> row = {channel["channel"].get<std::string>()};
        for (const auto& n : channel["levels"])
            row.push_back(std::to_string(n.get<long long>()));
        table.rows.push_back(std::move(row));
    }
    return table;
}

}  // namespace ehall::analytics
