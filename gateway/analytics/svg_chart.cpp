#include "gateway/analytics/svg_chart.hpp"

#include <algorithm>
#include <cstdio>

#include "gateway/html/svg_line_chart.hpp"

namespace ehall::analytics {

namespace {

constexpr int kWidth = 640, kHeight = 280;
constexpr int kLeft = 48, kRight = 16, kTop = 32, kBottom = 40;

std::string number(double value) {
    char out[32];
    std::snprintf(out, sizeof out, "%.1f", value);
    return out;
}

std::string percent(double fraction) {
    return number(fraction * 100).append("%");
}

std::string open_svg(std::string_view title, int height) {
    const std::string name = xml_escape(std::string(title));
    std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ";
    svg.append(std::to_string(kWidth)).append(" ").append(std::to_string(height));
    svg.append("\" role=\"img\" aria-label=\"").append(name).append("\"><title>");
    svg.append(name).append("</title>");
    return svg;
}

void text(std::string& svg, double x, double y, std::string_view anchor, std::string_view body) {
    svg.append("<text x=\"").append(number(x)).append("\" y=\"").append(number(y));
    svg.append("\" text-anchor=\"").append(anchor).append("\" font-size=\"12\" fill=\"#333\">");
    svg.append(xml_escape(std::string(body))).append("</text>");
}

void line(std::string& svg, double x1, double y1, double x2, double y2, std::string_view colour) {
    svg.append("<line x1=\"").append(number(x1)).append("\" y1=\"").append(number(y1));
    svg.append("\" x2=\"").append(number(x2)).append("\" y2=\"").append(number(y2));
    svg.append("\" stroke=\"").append(colour).append("\"/>");
}

}  // namespace

std::string line_chart(std::string_view title, const std::vector<ChartPoint>& points) {
    std::string svg = open_svg(title, kHeight);
    const double plot_w = kWidth - kLeft - kRight, plot_h = kHeight - kTop - kBottom;
    for (int tick = 0; tick <= 100; tick += 25) {  // horizontal grid at 0, 25, ... 100%
        const double y = kTop + plot_h * (1 - tick / 100.0);
        line(svg, kLeft, y, kWidth - kRight, y, "#ddd");
        text(svg, kLeft - 6, y + 4, "end", std::to_string(tick).append("%"));
    }
    // Points stay clear of both edges so the first and last labels are not cut off.
    constexpr double inset = 40;
    const std::size_t n = points.size();
    auto x_of = [&](std::size_t i) {
        const double span = plot_w - 2 * inset;
        return n < 2 ? kLeft + plot_w / 2 : kLeft + inset + span * double(i) / double(n - 1);
    };
    auto y_of = [&](double v) { return kTop + plot_h * (1 - std::clamp(v, 0.0, 1.0)); };
    std::string path;
    for (std::size_t i = 0; i < n; ++i)
        path.append(i ? " " : "")
            .append(number(x_of(i)))
            .append(",")
            .append(number(y_of(points[i].value)));
    if (n > 1)
        svg.append("<polyline fill=\"none\" stroke=\"#0b6bcb\" stroke-width=\"2\" points=\"")
            .append(path)
            .append("\"/>");
    for (std::size_t i = 0; i < n; ++i) {
        const double x = x_of(i), y = y_of(points[i].value);
        svg.append("<circle class=\"point\" cx=\"").append(number(x)).append("\" cy=\"");
        svg.append(number(y)).append("\" r=\"4\" fill=\"#0b6bcb\" data-label=\"");
        svg.append(xml_escape(points[i].label)).append("\" data-value=\"");
        svg.append(number(points[i].value * 100)).append("\"><title>");
        svg.append(xml_escape(points[i].label)).append(": ").append(percent(points[i].value));
        svg.append("</title></circle>");
        text(svg, x, y - 10, "middle", percent(points[i].value));
        text(svg, x, kHeight - kBottom + 18, "middle", points[i].label);
    }
    return svg.append("</svg>");
}

std::string bar_chart(std::string_view title, const std::vector<ChartBar>& bars) {
    constexpr int kRow = 26, kLabel = 120;
    const int height = kTop + kRow * std::max<int>(1, int(bars.size())) + 8;
    std::string svg = open_svg(title, height);
    long long largest = 1;
    for (const auto& bar : bars)
        largest = std::max(largest, bar.value);
    const double plot_w = kWidth - kLabel - 80;
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const double y = kTop + kRow * double(i);
        const double w = plot_w * double(bars[i].value) / double(largest);
        text(svg, kLabel - 8, y + 15, "end", bars[i].label);
        svg.append("<rect class=\"bar\" x=\"").append(std::to_string(kLabel)).append("\" y=\"");
        svg.append(number(y + 3)).append("\" width=\"").append(number(w));
        svg.append("\" height=\"18\" fill=\"#0b6bcb\" data-label=\"");
        svg.append(xml_escape(bars[i].label)).append("\" data-value=\"");
        svg.append(std::to_string(bars[i].value)).append("\"><title>");
        svg.append(xml_escape(bars[i].label)).append(": ").append(std::to_string(bars[i].value));
        svg.append("</title></rect>");
        text(svg, kLabel + w + 6, y + 15, "start", std::to_string(bars[i].value));
    }
    if (bars.empty())
        text(svg, kWidth / 2.0, kTop + 15, "middle", "no diverted customers");
    return svg.append("</svg>");
}

}  // namespace ehall::analytics
