// Server-rendered SVG charts for the analyst pages: no script, no external resources.
// Unlike the multi-series svg_line_chart (gateway/html), every data point is its own marker
// carrying its value in a data-value attribute and a <title> tooltip, on a fixed 0-100%
// axis, so the numbers can be read (and tested) from the markup. Labels are XML-escaped.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ehall::analytics {

struct ChartPoint {
    std::string label;  // x axis, e.g. "2026-04"
    double value = 0;   // a fraction 0..1, drawn as a percentage
};

struct ChartBar {
    std::string label;
    long long value = 0;
};

// Fractions by month on a 0-100% axis.
std::string line_chart(std::string_view title, const std::vector<ChartPoint>& points);
// Counts as horizontal bars, longest = the largest value.
std::string bar_chart(std::string_view title, const std::vector<ChartBar>& bars);

}  // namespace ehall::analytics
