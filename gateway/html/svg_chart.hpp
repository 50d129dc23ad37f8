// Charts as inline SVG, rendered on the server (no script, no external resources): the ops
// console's traffic charts and the analyst pages' reports. Every label and name is
// XML-escaped.
#pragma once

#include <string>
#include <vector>

namespace ehall {

struct ChartSeries {
    std::string name;            // the legend's; none drawn when every series is unnamed
    std::vector<double> values;  // one per x label
};

struct LineChart {
    std::string title;  // also the SVG's accessible name
    std::string unit;   // after the y-axis maximum, e.g. "/s" or "ms"
    std::vector<std::string> x_labels;
    std::vector<ChartSeries> series;
    // The values are fractions, drawn on a fixed 0-100% axis with every point a marker
    // (class "point") carrying its x label and value in percent (data-label, data-value, a
    // <title> tooltip) and labelled with it, so the figures can be read, and tested, from the
    // markup. Otherwise the y axis runs from 0 to a round maximum and at most 6 x labels show.
    bool fractions = false;
};

std::string svg_line_chart(const LineChart& chart);

struct ChartBar {
    std::string label;
    long long value = 0;
};

// Counts as horizontal bars (class "bar", with data-label and data-value), the longest the
// largest; `empty_text` in their place when there are none.
std::string svg_bar_chart(const std::string& title, const std::vector<ChartBar>& bars,
                          const std::string& empty_text);

// `text` with &, <, >, " and ' escaped for XML or HTML.
std::string xml_escape(const std::string& text);

}  // namespace ehall
