#include "gateway/analytics/active_report.hpp"

#include "gateway/analytics/vocabulary.hpp"

namespace ehall::analytics {

namespace {

constexpr const char* kActive =
    "SELECT COUNT(DISTINCT msisdn) FROM monthly_usage WHERE month = ?1 AND msisdn > '' ";

std::string echannel_list() {
    std::string list;
    for (std::string_view channel : echannels)
        list.append(list.empty() ? "'" : ", '").append(channel).append("'");
    return list;
}

}  // namespace

ActiveQuery ActiveQuery::from_params(const ReportParams& params) {
    return {.months = months_param(params, "months")};
}

nlohmann::json active_report(ReportSources& sources, const ActiveQuery& query) {
    const std::string only = sources.customers_only("msisdn");
    Statement by_channel = sources.journal.prepare(
        std::string("SELECT channel, COUNT(DISTINCT msisdn) FROM monthly_usage "
                    "WHERE month = ?1 AND msisdn > ''")
            .append(only)
            .append(" GROUP BY channel"));
    Statement on_echannels = sources.journal.prepare(std::string(kActive)
                                                         .append(only)
                                                         .append(" AND channel IN (")
                                                         .append(echannel_list())
                                                         .append(")"));
    nlohmann::json months = nlohmann::json::array();
    for (const Month& month : query.months) {
        nlohmann::json counts = nlohmann::json::object();
        for (std::string_view channel : channels)
            counts[std::string(channel)] = 0;
        by_channel.bind(1, std::int64_t{month.key()});
        while (by_channel.step()) {
            if (is_one_of(channels, by_channel.text(0)))
                counts[std::string(by_channel.text(0))] = by_channel.integer(1);
        }
        by_channel.reset();
        on_echannels.bind(1, std::int64_t{month.key()});
        on_echannels.step();
        const std::int64_t echannel = on_echannels.integer(0);
        on_echannels.reset();
        months.push_back(
            {{"month", month.text()}, {"by_channel", std::move(counts)}, {"echannel", echannel}});
    }
    return {{"months", std::move(months)}};
}

ReportTable active_table(const nlohmann::json& report) {
    ReportTable table;
    table.title = "Active customers per month and channel (at least one ok transaction)";
    table.columns = {"month"};
    for (std::string_view channel : channels)
        table.columns.emplace_back(channel);
    table.columns.emplace_back("echannel");
    for (const auto& month : report["months"]) {
        std::vector<std::string> row = {month["month"].get<std::string>()};
        for (std::string_view channel : channels)
            row.push_back(std::to_string(month["by_channel"].value(std::string(channel), 0LL)));
        row.push_back(std::to_string(month["echannel"].get<long long>()));
        table.rows.push_back(std::move(row));
    }
    return table;
}

}  // namespace ehall::analytics
