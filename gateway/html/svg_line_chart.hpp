// A small line chart as inline SVG, rendered on the server (no script, no external
// resources): the ops console's traffic charts and any page that plots a few series.
#pragma once

#include <string>
#include <vector>

namespace ehall {

struct ChartSeries {
    std::string name;
    std::vector<double> values;  // one per x label
};

struct LineChart {
    std::string title;  // also the SVG's accessible name
    std::string unit;   // after the y-axis maximum, e.g. "/s" or "ms"
    std::vector<std::string> x_labels;
    std::vector<ChartSeries> series;
};

// Labels and names are XML-escaped; the y axis runs from 0 to a round maximum.
std::string svg_line_chart(const LineChart& chart);

// `text` with &, <, >, " and ' escaped for XML or HTML.
std::string xml_escape(const std::string& text);

}  // namespace ehall
