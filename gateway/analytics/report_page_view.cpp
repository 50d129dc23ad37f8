#include "gateway/analytics/report_page_view.hpp"

#include <algorithm>
#include <boost/url/url.hpp>
#include <charconv>

#include "gateway/analytics/month.hpp"
#include "gateway/html/svg_chart.hpp"

namespace ehall::analytics {

namespace {

bool is_count(const std::string& cell) {
    long long value = 0;
    const auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
    return !cell.empty() && ec == std::errc() && end == cell.data() + cell.size();
}

// The first column after the first whose every non-empty cell is a whole number (and some
// are), or 0 when none is.
std::size_t count_column(const ReportTable& table) {
    for (std::size_t column = 1; column < table.columns.size(); ++column) {
        bool any = false, all = true;
        for (const auto& row : table.rows) {
            if (column >= row.size() || row[column].empty())
                continue;
            any = true;
            all = all && is_count(row[column]);
        }
        if (any && all)
            return column;
    }
    return 0;
}

bool is_month_row(const std::vector<std::string>& row) {
    return !row.empty() && Month::parse(row[0]).has_value();
}

// When some rows are months, only those: the rows after them (consecutive, per hall, the
// base month's calls) count other things.
std::string chart_of(const ReportTable& table) {
    const std::size_t column = count_column(table);
    if (column == 0)
        return {};
    const bool by_month = std::any_of(table.rows.begin(), table.rows.end(), is_month_row);
    std::vector<ChartBar> bars;
    for (const auto& row : table.rows) {
        if (column < row.size() && is_count(row[column]) && (!by_month || is_month_row(row)))
            bars.push_back({row[0], std::stoll(row[column])});
    }
    return svg_bar_chart(table.title + ": " + table.columns[column], bars, "no rows");
}

// "/analytics/csv/<name>?<options>", every value percent-encoded.
std::string csv_link(const ReportKind& kind, const ReportParams& params) {
    boost::urls::url href("/analytics/csv/" + kind.name);
    for (const auto& option : kind.options) {
        if (const auto it = params.find(option.name); it != params.end())
            href.params().append({option.name, it->second});
    }
    return std::string(href.buffer());
}

}  // namespace

nlohmann::json report_form(const ReportKind& kind, const ReportParams& params) {
    nlohmann::json options = nlohmann::json::array();
    for (const auto& option : kind.options) {
        const auto it = params.find(option.name);
        const std::string value = it == params.end() ? std::string() : it->second;
        options.push_back({{"name", option.name},
                           {"help", option.help},
                           {"value", value},
                           {"flag", option.flag},
                           {"checked", option.flag && (value == "1" || value == "true")}});
    }
    return {{"name", kind.name}, {"summary", kind.summary}, {"options", std::move(options)}};
}

nlohmann::json report_view(const ReportKind& kind, const ReportParams& params,
                           const ReportOutput& output) {
    const ReportTable& table = output.table;
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& row : table.rows)
        rows.push_back({{"cells", row}});
    return {{"title", table.title},
            {"columns", table.columns},
            {"rows", std::move(rows)},
            {"chart", chart_of(table)},
            {"csv_href", csv_link(kind, params)}};
}

}  // namespace ehall::analytics
