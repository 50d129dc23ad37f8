// The ops console's live traffic page: the last minutes of results per channel and per
// plugin, the error rate and the journal's queue, as server-rendered SVG charts with the
// latest numbers beside them. The page reloads itself every 10 seconds (meta refresh).
#include <ehall/clock.hpp>
#include "gateway/console/ops_console.hpp"
#include "gateway/html/svg_chart.hpp"

namespace ehall {

namespace {

// Series for every key seen in any point; a key missing from a point counts 0 there.
std::vector<ChartSeries> series_of(const std::vector<TrafficHistory::Point>& points,
                                   std::map<std::string, double> TrafficHistory::Point::*member) {
    std::map<std::string, ChartSeries> by_name;
    for (std::size_t i = 0; i < points.size(); ++i) {
        for (const auto& [name, value] : points[i].*member) {
            auto& series = by_name[name];
            series.name = name;
            series.values.resize(points.size(), 0);
            series.values[i] = value;
        }
    }
    std::vector<ChartSeries> out;
    for (auto& [name, series] : by_name) {
        series.values.resize(points.size(), 0);
        out.push_back(std::move(series));
    }
    return out;
}

std::string fixed(double value, int decimals) {
    char text[32];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

}  // namespace

void OpsConsole::traffic_page(const Staff& staff, Reply reply) {
    const auto points = traffic_.points();
    std::vector<std::string> times;
    ChartSeries errors{"错误率", {}}, depth{"队列记录数", {}}, lag{"写入延迟 ms", {}};
    for (const auto& point : points) {
        times.push_back(shanghai_datetime(point.at_ms).substr(11));
        errors.values.push_back(point.error_rate * 100);
        depth.values.push_back(point.queue_depth);
        lag.values.push_back(point.flush_lag_ms);
    }
    nlohmann::json charts = nlohmann::json::array();
    auto add_chart = [&](LineChart chart) {
        nlohmann::json latest = nlohmann::json::array();
        for (const auto& series : chart.series) {
            latest.push_back(
                {{"name", series.name},
                 {"value", series.values.empty() ? "—" : fixed(series.values.back(), 1)},
                 {"unit", chart.unit}});
        }
        charts.push_back(
            {{"title", chart.title}, {"svg", svg_line_chart(chart)}, {"latest", latest}});
    };
    add_chart(
        {"各渠道每秒请求", "/s", times, series_of(points, &TrafficHistory::Point::per_channel)});
    add_chart(
        {"各插件每秒请求", "/s", times, series_of(points, &TrafficHistory::Point::per_plugin)});
    add_chart({"错误率", "%", times, {errors}});
    add_chart({"日志队列与写入延迟", "", times, {depth, lag}});
    reply(page(staff, "traffic",
               {{"title", "实时流量"},
                {"section", "/admin/traffic"},
                {"refresh_seconds", 10},
                {"charts", charts},
                {"samples", points.size()}}));
}

}  // namespace ehall
