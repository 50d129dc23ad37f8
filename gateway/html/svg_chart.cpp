#include "gateway/html/svg_chart.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace ehall {

namespace {

constexpr double width = 640, left = 48, right = 16, top = 32, bottom = 40;
constexpr double line_height = 280;
constexpr const char* palette[] = {"#0b6bcb", "#d9480f", "#2b8a3e",
                                   "#862e9c", "#c92a2a", "#5c940d"};

// Coordinates and figures with one decimal ("88.0", "71.4").
std::string decimal(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", value);
    return text;
}

// An axis figure without trailing zeros ("2.5", "10").
std::string axis_number(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", value);
    std::string out = text;
    while (out.ends_with('0'))
        out.pop_back();
    if (out.ends_with('.'))
        out.pop_back();
    return out;
}

std::string percent(double fraction) {
    return decimal(fraction * 100).append("%");
}

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

// The SVG being drawn, with the primitives both kinds of chart use.
class Canvas {
  public:
    Canvas(const std::string& title, double height) {
        const std::string name = xml_escape(title);
        svg_ = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ";
        svg_.append(decimal(width)).append(" ").append(decimal(height));
        svg_.append("\" role=\"img\" aria-label=\"").append(name).append("\"><title>");
        svg_.append(name).append("</title>");
    }

    void text(double x, double y, const char* anchor, const std::string& body) {
        svg_.append("<text x=\"").append(decimal(x)).append("\" y=\"").append(decimal(y));
        svg_.append("\" text-anchor=\"")
            .append(anchor)
            .append("\" font-size=\"12\" fill=\"#333\">");
        svg_.append(xml_escape(body)).append("</text>");
    }

    void line(double x1, double y1, double x2, double y2, const char* colour) {
        svg_.append("<line x1=\"").append(decimal(x1)).append("\" y1=\"").append(decimal(y1));
        svg_.append("\" x2=\"").append(decimal(x2)).append("\" y2=\"").append(decimal(y2));
        svg_.append("\" stroke=\"").append(colour).append("\"/>");
    }

    // A shape carrying one data point: `open` is its tag and geometry; the title is its
    // tooltip.
    void marker(const std::string& open, const char* tag, const std::string& label,
                const std::string& value, const std::string& tooltip) {
        svg_.append(open).append(" data-label=\"").append(xml_escape(label));
        svg_.append("\" data-value=\"").append(value).append("\"><title>");
        svg_.append(xml_escape(label)).append(": ").append(tooltip).append("</title></");
        svg_.append(tag).append(">");
    }

    void raw(const std::string& markup) { svg_.append(markup); }

    std::string finish() { return svg_.append("</svg>"); }

  private:
    std::string svg_;
};

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
    const double maximum = chart.fractions ? 1.0 : round_maximum(largest);
    const double plot_w = width - left - right, plot_h = line_height - top - bottom;
    const std::size_t points = chart.x_labels.size();
    // Marked points stay clear of both edges so the first and last labels are not cut off.
    const double inset = chart.fractions ? 40 : 0;
    auto x_of = [&](std::size_t i) {
        return points < 2 ? left + plot_w / 2
                          : left + inset + (plot_w - 2 * inset) * double(i) / double(points - 1);
    };
    auto y_of = [&](double v) { return top + plot_h * (1 - std::clamp(v / maximum, 0.0, 1.0)); };

    Canvas canvas(chart.title, line_height);
    for (int step = 0; step <= 4; ++step) {
        const double value = maximum * step / 4;
        canvas.line(left, y_of(value), width - right, y_of(value), "#ddd");
        canvas.text(left - 6, y_of(value) + 4, "end",
                    chart.fractions ? std::to_string(step * 25).append("%")
                                    : axis_number(value) + (step == 4 ? chart.unit : ""));
    }
    // Without markers at most 6 x labels, evenly spread, so they never overlap.
    const std::size_t label_every =
        chart.fractions ? 1 : std::max<std::size_t>(1, (points + 5) / 6);
    for (std::size_t i = 0; i < points; i += label_every)
        canvas.text(x_of(i), line_height - bottom + 18, "middle", chart.x_labels[i]);

    double legend_x = left;
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
        const auto& series = chart.series[s];
        const char* colour = palette[s % std::size(palette)];
        const std::size_t count = std::min(points, series.values.size());
        std::string path;
        for (std::size_t i = 0; i < count; ++i) {
            path.append(i ? " " : "").append(decimal(x_of(i))).append(",");
            path.append(decimal(y_of(series.values[i])));
        }
        if (count > 1) {
            canvas.raw(std::string("<polyline fill=\"none\" stroke=\"") + colour +
                       "\" stroke-width=\"2\" points=\"" + path + "\"><title>" +
                       xml_escape(series.name) + "</title></polyline>");
        }
        for (std::size_t i = 0; chart.fractions && i < count; ++i) {
            const double x = x_of(i), y = y_of(series.values[i]);
            canvas.marker("<circle class=\"point\" cx=\"" + decimal(x) + "\" cy=\"" + decimal(y) +
                              "\" r=\"4\" fill=\"" + colour + "\"",
                          "circle", chart.x_labels[i], decimal(series.values[i] * 100),
                          percent(series.values[i]));
            canvas.text(x, y - 10, "middle", percent(series.values[i]));
        }
        if (series.name.empty())
            continue;
        canvas.raw("<rect x=\"" + decimal(legend_x) + "\" y=\"" + decimal(line_height - 14) +
                   "\" width=\"10\" height=\"10\" fill=\"" + colour + "\"/>");
        canvas.text(legend_x + 14, line_height - 5, "start", series.name);
        legend_x += 24 + 7 * static_cast<double>(series.name.size());
    }
    return canvas.finish();
}

std::string svg_bar_chart(const std::string& title, const std::vector<ChartBar>& bars,
                          const std::string& empty_text) {
    constexpr double row = 26, label_w = 120;
    const double height = top + row * double(std::max<std::size_t>(1, bars.size())) + 8;
    Canvas canvas(title, height);
    long long largest = 1;
    for (const auto& bar : bars)
        largest = std::max(largest, bar.value);
    const double plot_w = width - label_w - 80;
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const double y = top + row * double(i);
        const double w = plot_w * double(bars[i].value) / double(largest);
        const std::string value = std::to_string(bars[i].value);
        canvas.text(label_w - 8, y + 15, "end", bars[i].label);
        canvas.marker("<rect class=\"bar\" x=\"" + decimal(label_w) + "\" y=\"" + decimal(y + 3) +
                          "\" width=\"" + decimal(w) + "\" height=\"18\" fill=\"" + palette[0] +
                          "\"",
                      "rect", bars[i].label, value, value);
        canvas.text(label_w + w + 6, y + 15, "start", value);
    }
    if (bars.empty())
        canvas.text(width / 2, top + 15, "middle", empty_text);
    return canvas.finish();
}

}  // namespace ehall
