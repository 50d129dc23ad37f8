#include "gateway/analytics/diversion_report.hpp"

#include <array>
#include <map>
#include <optional>
#include <set>

#include "gateway/analytics/customer_usage.hpp"
#include "gateway/analytics/home_hall.hpp"
#include "gateway/analytics/preference_level.hpp"

namespace ehall::analytics {

DiversionQuery DiversionQuery::from_params(const ReportParams& params) {
    return {.business = business_param(params, "business"),
            .from = channel_param(params, "from"),
            .base = month_param(params, "base"),
            .months = months_param(params, "months"),
            .min_level = int_param(params, "min-level", 1, 5, 4),
            .by_hall = flag_param(params, "by-hall")};
}

namespace {

struct HallFigures {
    std::int64_t target_size = 0;
    std::vector<std::int64_t> diverted;
};

nlohmann::json hall_json(const std::map<std::string, HallFigures>& halls,
                         const std::vector<Month>& months) {
    nlohmann::json by_hall = nlohmann::json::object();
    for (const auto& [hall, figures] : halls) {
        nlohmann::json per_month = nlohmann::json::array();
        for (std::size_t i = 0; i < months.size(); ++i)
            per_month.push_back({{"month", months[i].text()},
                                 {"diverted", figures.diverted[i]},
                                 {"rate", fraction(figures.diverted[i], figures.target_size)}});
        by_hall[hall] = {{"target_size", figures.target_size}, {"months", std::move(per_month)}};
    }
    return by_hall;
}

}  // namespace

// One pass over the summary: the base month's customers in msisdn order, each looked up in
// every listed month's stream (also in msisdn order), so nothing is held per customer.
nlohmann::json diversion_report(ReportSources& sources, const DiversionQuery& query) {
    const std::size_t from = index_of(channels, query.from);
    const std::size_t count = query.months.size();
    CustomerUsageReader base(sources, query.base, query.business);
    std::vector<CustomerUsageReader> months;
    months.reserve(count);
    for (const Month& month : query.months)
        months.emplace_back(sources, month, query.business);

    std::optional<HomeHallReader> home_halls;
    if (query.by_hall)
        home_halls.emplace(sources, query.base, query.business, query.from);
    std::map<std::string, HallFigures> halls;

    std::int64_t target_size = 0, consecutive = 0;
    std::vector<std::int64_t> diverted(count, 0);
    std::vector<std::array<std::int64_t, channels.size()>> instead(count);
    while (base.next()) {
        const CustomerUsage& customer = base.customer();
        if (preference_level(customer.by_channel[from], customer.total) < query.min_level)
            continue;
        ++target_size;
        HallFigures* hall = nullptr;
        if (home_halls && home_halls->seek(customer.msisdn)) {
            hall = &halls[home_halls->hall()];
            hall->diverted.resize(count, 0);
            ++hall->target_size;
        }
        bool away_every_month = true;
        for (std::size_t i = 0; i < count; ++i) {
            const bool used_any = months[i].seek(customer.msisdn);
            const auto& used = months[i].customer().by_channel;
            if (used_any && used[from] > 0) {
                away_every_month = false;
                continue;
            }
            ++diverted[i];
            if (hall)
                ++hall->diverted[i];
            for (std::size_t channel = 0; used_any && channel < channels.size(); ++channel)
                instead[i][channel] += used[channel] > 0 ? 1 : 0;
        }
        consecutive += away_every_month ? 1 : 0;
    }

    nlohmann::json months_json = nlohmann::json::array();
    nlohmann::json month_names = nlohmann::json::array();
    for (std::size_t i = 0; i < count; ++i) {
        nlohmann::json by_channel = nlohmann::json::object();
        for (std::size_t channel = 0; channel < channels.size(); ++channel) {
            if (instead[i][channel] > 0)
                by_channel[std::string(channels[channel])] = instead[i][channel];
        }
        months_json.push_back({{"month", query.months[i].text()},
                               {"diverted", diverted[i]},
                               {"rate", fraction(diverted[i], target_size)},
                               {"by_channel", std::move(by_channel)}});
        month_names.push_back(query.months[i].text());
    }
    nlohmann::json report = {{"business", query.business},
                             {"from", query.from},
                             {"base", query.base.text()},
                             {"min_level", query.min_level},
                             {"target_size", target_size},
                             {"months", std::move(months_json)},
                             {"consecutive",
                              {{"months", std::move(month_names)},
                               {"diverted", consecutive},
                               {"rate", fraction(consecutive, target_size)}}}};
    if (query.by_hall)
        report["by_hall"] = hall_json(halls, query.months);
    return report;
}

ReportTable diversion_table(const nlohmann::json& report) {
    std::set<std::string> seen;  // every channel any month lists, in name order
    for (const auto& month : report["months"]) {
        for (const auto& [channel, n] : month["by_channel"].items())
            seen.insert(channel);
    }
    ReportTable table;
    table.title = "Diversion from " + report["from"].get<std::string>() + " for " +
                  report["business"].get<std::string>() + ": target " +
                  std::to_string(report["target_size"].get<long long>()) +
                  " customers with level >= " + std::to_string(report["min_level"].get<int>()) +
                  " in " + report["base"].get<std::string>();
    table.columns = {"month", "diverted", "rate"};
    table.columns.insert(table.columns.end(), seen.begin(), seen.end());
    for (const auto& month : report["months"]) {
        std::vector<std::string> row = {month["month"].get<std::string>(),
                                        std::to_string(month["diverted"].get<long long>()),
                                        rate_cell(month["rate"].get<double>())};
        for (const std::string& channel : seen)
            row.push_back(std::to_string(month["by_channel"].value(channel, 0LL)));
        table.rows.push_back(std::move(row));
    }
    const auto& consecutive = report["consecutive"];
    std::vector<std::string> row = {"consecutive",
                                    std::to_string(consecutive["diverted"].get<long long>()),
                                    rate_cell(consecutive["rate"].get<double>())};
    row.resize(table.columns.size());
    table.rows.push_back(std::move(row));
    // Per hall: "<hall> <month>" rows with the hall's own target as their rates' base.
    const nlohmann::json halls = report.value("by_hall", nlohmann::json::object());
    for (const auto& [hall, figures] : halls.items()) {
        for (const auto& month : figures["months"]) {
            std::vector<std::string> hall_row = {hall + " " + month["month"].get<std::string>(),
                                                 std::to_string(month["diverted"].get<long long>()),
                                                 rate_cell(month["rate"].get<double>())};
            hall_row.resize(table.columns.size());
            table.rows.push_back(std::move(hall_row));
        }
    }
    return table;
}

}  // namespace ehall::analytics
