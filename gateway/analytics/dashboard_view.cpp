#include "gateway/analytics/dashboard_view.hpp"

#include <cstdio>

#include "gateway/analytics/vocabulary.hpp"
#include "gateway/html/svg_chart.hpp"

namespace ehall::analytics {

namespace {

std::string percent(double fraction) {
    char out[32];
    std::snprintf(out, sizeof out, "%.1f%%", fraction * 100);
    return out;
}

// "/analytics/csv/<report>?a=1&b=2": values are checked names and months, which need no
// escaping; the template HTML-escapes the whole link.
std::string csv_href(const std::string& report, const ReportParams& params,
                     std::initializer_list<const char*> names) {
    std::string href = std::string("/analytics/csv/").append(report);
    char separator = '?';
    for (const char* name : names) {
        auto it = params.find(name);
        if (it == params.end())
            continue;
        href.push_back(separator);
        href.append(name).append("=").append(it->second);
        separator = '&';
    }
    return href;
}

template <std::size_t N>
nlohmann::json choices(const std::array<std::string_view, N>& values, const std::string& chosen) {
    nlohmann::json list = nlohmann::json::array();
    for (std::string_view value : values)
        list.push_back({{"value", value}, {"selected", value == chosen}});
    return list;
}

std::string value_of(const ReportParams& params, const std::string& name) {
    auto it = params.find(name);
    return it == params.end() ? std::string() : it->second;
}

}  // namespace

ReportParams dashboard_params(const ReportParams& query, std::int64_t now_ms) {
    ReportParams params = {{"business", "payment"}, {"from", "hall"}, {"min-level", "4"}};
    const Month current = Month::containing(now_ms);
    const Month last = current.previous(), middle = last.previous(), first = middle.previous();
    params["base"] = first.previous().text();
    params["months"] =
        first.text().append(",").append(middle.text()).append(",").append(last.text());
    for (const auto& [name, value] : query) {
        if (!value.empty())
            params[name] = value;
    }
    return params;
}

nlohmann::json dashboard_form(const ReportParams& params) {
    nlohmann::json levels = nlohmann::json::array();
    for (int level = 1; level <= 5; ++level)
        levels.push_back({{"value", level},
                          {"selected", std::to_string(level) == value_of(params, "min-level")}});
    return {{"businesses", choices(businesses, value_of(params, "business"))},
            {"channels", choices(channels, value_of(params, "from"))},
            {"levels", std::move(levels)},
            {"base", value_of(params, "base")},
            {"months", value_of(params, "months")}};
}

nlohmann::json dashboard_view(const nlohmann::json& diversion, const nlohmann::json& share,
                              const ReportParams& params) {
    LineChart rates{.title = "Diversion rate by month",
                    .unit = "",
                    .x_labels = {},
                    .series = {{}},
                    .fractions = true};
    nlohmann::json diversion_rows = nlohmann::json::array();
    for (const auto& month : diversion["months"]) {
        rates.x_labels.push_back(month["month"].get<std::string>());
        rates.series[0].values.push_back(month["rate"].get<double>());
        std::string channels_text;
        for (const auto& [channel, n] : month["by_channel"].items())
            channels_text.append(channels_text.empty() ? "" : ", ")
                .append(channel)
                .append(" ")
                .append(std::to_string(n.get<long long>()));
        diversion_rows.push_back({{"month", month["month"]},
                                  {"diverted", month["diverted"]},
                                  {"rate", percent(month["rate"].get<double>())},
                                  {"by_channel", channels_text}});
    }
    // The bars: where the diverted customers went in the last listed month.
    const auto& last = diversion["months"].back();
    std::vector<ChartBar> bars;
    nlohmann::json bar_rows = nlohmann::json::array();
    for (const auto& [channel, n] : last["by_channel"].items()) {
        bars.push_back({channel, n.get<long long>()});
        bar_rows.push_back({{"channel", channel}, {"customers", n}});
    }
    LineChart shares{.title = "E-channel share by month",
                     .unit = "",
                     .x_labels = {},
                     .series = {{}},
                     .fractions = true};
    nlohmann::json share_rows = nlohmann::json::array();
    for (const auto& month : share["months"]) {
        shares.x_labels.push_back(month["month"].get<std::string>());
        shares.series[0].values.push_back(month["share"].get<double>());
        share_rows.push_back({{"month", month["month"]},
                              {"total", month["total"]},
                              {"echannel", month["echannel"]},
                              {"share", percent(month["share"].get<double>())}});
    }
    const auto& consecutive = diversion["consecutive"];
    return {{"target_size", diversion["target_size"]},
            {"diversion_chart", svg_line_chart(rates)},
            {"diversion_rows", std::move(diversion_rows)},
            {"consecutive_diverted", consecutive["diverted"]},
            {"consecutive_rate", percent(consecutive["rate"].get<double>())},
            {"diversion_csv",
             csv_href("diversion", params, {"business", "from", "base", "months", "min-level"})},
            {"bars_month", last["month"]},
            {"bars_chart",
             svg_bar_chart("Diverted customers by channel", bars, "no diverted customers")},
            {"bar_rows", std::move(bar_rows)},
            {"share_chart", svg_line_chart(shares)},
            {"share_rows", std::move(share_rows)},
            {"share_csv", csv_href("echannel-share", params, {"months", "business"})}};
}

}  // namespace ehall::analytics
