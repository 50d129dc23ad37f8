// Server-rendered SVG charts for the analyst pages: no script, no external resources.
// Every label is XML-escaped; each data point carries its value in a data-value attribute
// and a <title> tooltip, so the numbers can be read (and tested) from the markup.
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

std::string xml_escape(std::string_view text);

}  // namespace ehall::analytics
