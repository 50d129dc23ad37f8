#include "gateway/analytics/preference_report.hpp"

#include <array>
#include <map>

#include "gateway/analytics/preference_level.hpp"
#include "gateway/analytics/vocabulary.hpp"

namespace ehall::analytics {

namespace {

// Customers per (channel, level >= 1); the rest of the month's customers are level 0.
constexpr const char* kLevels =
    "WITH per AS (SELECT msisdn, channel, COUNT(*) AS n FROM interactions WHERE business = ?1 "
    "AND outcome = 'ok' AND ts_ms >= ?2 AND ts_ms < ?3 AND msisdn IS NOT NULL "
    "GROUP BY msisdn, channel), "
    "tot AS (SELECT msisdn, SUM(n) AS total FROM per GROUP BY msisdn) "
    "SELECT per.channel, " EHALL_PREFERENCE_LEVEL_SQL("per.n", "tot.total") " AS level, COUNT(*) "
    "FROM per JOIN tot USING (msisdn) GROUP BY 1, 2";

constexpr const char* kCustomers =
    "SELECT COUNT(DISTINCT msisdn) FROM interactions WHERE business = ?1 AND outcome = 'ok' "
    "AND ts_ms >= ?2 AND ts_ms < ?3 AND msisdn IS NOT NULL";

}  // namespace

PreferenceQuery PreferenceQuery::from_params(const ReportParams& params) {
    return {.business = business_param(params, "business"), .month = month_param(params, "month")};
}

nlohmann::json preference_report(ReportSources& sources, const PreferenceQuery& query) {
    Statement customers = sources.journal.prepare(kCustomers);
    customers.bind(1, query.business);
    bind_month(customers, 2, query.month);
    customers.step();
    const std::int64_t total = customers.integer(0);
    customers.reset();

    std::map<std::string, std::array<std::int64_t, 6>, std::less<>> levels;
    Statement counts = sources.journal.prepare(kLevels);
    counts.bind(1, query.business);
    bind_month(counts, 2, query.month);
    while (counts.step()) {
        const auto level = counts.integer(1);
        if (level >= 1 && level <= 5)
            levels[std::string(counts.text(0))][static_cast<std::size_t>(level)] +=
                counts.integer(2);
    }
    nlohmann::json channel_rows = nlohmann::json::array();
    for (std::string_view channel : channels) {
        std::array<std::int64_t, 6> row{};
        if (auto it = levels.find(channel); it != levels.end())
            row = it->second;
        std::int64_t ranked = 0;
        for (std::size_t level = 1; level <= 5; ++level)
            ranked += row[level];
        row[0] = total - ranked;
        channel_rows.push_back({{"channel", channel}, {"levels", row}});
    }
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
