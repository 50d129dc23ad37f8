#include "gateway/html/svg_line_chart.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace ehall {

namespace {

constexpr double width = 640, height = 240;
constexpr double left = 48, right = 12, top = 28, bottom = 44;
constexpr const char* palette[] = {"#0a6ebd", "#d9480f", "#2b8a3e",
                                   "#862e9c", "#c92a2a", "#5c940d"};

// 1, 2 or 5 times a power of ten, at least `value` (and at least 1).
double round_maximum(double value) {
    if (value <= 1)
        return 1;
    const double magnitude = std::pow(10, std::floor(std::log10(value)));
    for (double step : {1.0, 2.0, 5.0, 10.0}) {
        if (step * magnitude >= value)
            return step * magnitude;
    }
    return 10 * magnitude;
}

std::string number(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", value);
    std::string out = text;
    while (out.ends_with('0'))
        out.pop_back();
    if (out.ends_with('.'))
        out.pop_back();
    return out;
}

}  // namespace

std::string xml_escape(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&apos;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string svg_line_chart(const LineChart& chart) {
    double largest = 0;
    for (const auto& series : chart.series) {
        for (double value : series.values)
            largest = std::max(largest, value);
    }
    const double maximum = round_maximum(largest);
    const double plot_w = width - left - right, plot_h = height - top - bottom;
    const std::size_t points = chart.x_labels.size();
    auto x_of = [&](std::size_t i) {
        return left + (points > 1 ? plot_w * static_cast<double>(i) / (points - 1) : plot_w / 2);
    };
    auto y_of = [&](double v) { return top + plot_h - plot_h * std::clamp(v / maximum, 0.0, 1.0); };

    std::ostringstream svg;
    svg << "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " << width
        << ' ' << height << "\" role=\"img\" aria-label=\"" << xml_escape(chart.title) << "\">"
        << "<text x=\"" << left << "\" y=\"18\" font-size=\"14\" font-weight=\"600\">"
        << xml_escape(chart.title) << "</text>";
    for (int step = 0; step <= 4; ++step) {
        const double value = maximum * step / 4;
        const double y = y_of(value);
        svg << "<line x1=\"" << left << "\" x2=\"" << width - right << "\" y1=\"" << y << "\" y2=\""
            << y << "\" stroke=\"#d9dee7\"/>"
            << "<text x=\"" << left - 6 << "\" y=\"" << y + 4
            << "\" font-size=\"11\" text-anchor=\"end\">" << number(value)
            << (step == 4 ? xml_escape(chart.unit) : "") << "</text>";
    }
    // At most 6 x labels, evenly spread, so they never overlap.
    const std::size_t label_every = std::max<std::size_t>(1, (points + 5) / 6);
    for (std::size_t i = 0; i < points; i += label_every) {
        svg << "<text x=\"" << x_of(i) << "\" y=\"" << height - bottom + 16
            << "\" font-size=\"11\" text-anchor=\"middle\">" << xml_escape(chart.x_labels[i])
            << "</text>";
    }
    double legend_x = left;
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
        const auto& series = chart.series[s];
        const char* colour = palette[s % std::size(palette)];
        svg << "<polyline fill=\"none\" stroke=\"" << colour << "\" stroke-width=\"2\" points=\"";
        for (std::size_t i = 0; i < std::min(points, series.values.size()); ++i)
            svg << x_of(i) << ',' << y_of(series.values[i]) << ' ';
        svg << "\"><title>" << xml_escape(series.name) << "</title></polyline>";
        svg << "<rect x=\"" << legend_x << "\" y=\"" << height - 16
            << "\" width=\"10\" height=\"10\" fill=\"" << colour << "\"/><text x=\""
            << legend_x + 14 << "\" y=\"" << height - 7 << "\" font-size=\"11\">"
            << xml_escape(series.name) << "</text>";
        legend_x += 24 + 7 * static_cast<double>(series.name.size());
    }
    svg << "</svg>";
    return svg.str();
}

}  // namespace ehall
