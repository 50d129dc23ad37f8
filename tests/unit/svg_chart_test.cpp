// Server-rendered SVG charts: one polyline per series, every label escaped, a round y maximum
// for counts; fractions on a 0-100% axis with each point carrying its value; bars.
#include <boost/test/unit_test.hpp>

#include "gateway/html/svg_chart.hpp"

using ehall::LineChart;

namespace {

std::size_t count(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1))
        ++n;
    return n;
}

LineChart fractions(std::string title, std::vector<std::string> labels,
                    std::vector<double> values) {
    return {.title = std::move(title),
            .unit = "",
            .x_labels = std::move(labels),
            .series = {{.name = "", .values = std::move(values)}},
            .fractions = true};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(svg_chart)

BOOST_AUTO_TEST_CASE(draws_each_series_and_escapes_every_label) {
    LineChart chart{.title = "rate <b>",
                    .unit = "%",
                    .x_labels = {"10:00", "10:05", "<x>"},
                    .series = {{"web", {1, 2, 3}}, {"s&ms", {0, 7.5, 0}}}};
    const std::string svg = ehall::svg_line_chart(chart);
    BOOST_TEST(svg.starts_with("<svg"));
    BOOST_TEST(svg.find("<b>") == std::string::npos);
    BOOST_TEST(svg.find("rate &lt;b&gt;") != std::string::npos);
    BOOST_TEST(svg.find("&lt;x&gt;") != std::string::npos);
    BOOST_TEST(svg.find("s&amp;ms") != std::string::npos);
    BOOST_TEST(count(svg, "<polyline") == 2u);
    BOOST_TEST(count(svg, "<circle") == 0u);                   // counts carry no markers
    BOOST_TEST(svg.find(">10%</text>") != std::string::npos);  // 7.5 rounds up to 10
}

BOOST_AUTO_TEST_CASE(fraction_labels_and_bars_are_escaped) {
    const std::string svg =
        ehall::svg_line_chart(fractions("a<b>&\"c\"", {"<script>x</script>"}, {0.5}));
    BOOST_TEST(svg.find("<script>") == std::string::npos);
    BOOST_TEST(svg.find("&lt;script&gt;x&lt;/script&gt;") != std::string::npos);
    BOOST_TEST(svg.find("aria-label=\"a&lt;b&gt;&amp;&quot;c&quot;\"") != std::string::npos);
    BOOST_TEST(svg.find("data-value=\"50.0\"") != std::string::npos, svg);
    const std::string bars = ehall::svg_bar_chart("t", {{"x\" onload=\"alert(1)", 3}}, "none");
    BOOST_TEST(bars.find("onload=\"alert") == std::string::npos);
    BOOST_TEST(bars.find("data-value=\"3\"") != std::string::npos);
    BOOST_TEST(ehall::svg_bar_chart("t", {}, "no <data>").find(">no &lt;data&gt;</text>") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(points_sit_on_a_zero_to_hundred_percent_axis) {
    const std::string svg =
        ehall::svg_line_chart(fractions("rates", {"2026-04", "2026-05"}, {0.0, 1.0}));
    // Plot from y=32 (100%) to y=240 (0%); points from x=88 to 584 (40 in from the axes).
    BOOST_TEST(svg.find("cx=\"88.0\" cy=\"240.0\"") != std::string::npos, svg);
    BOOST_TEST(svg.find("cx=\"584.0\" cy=\"32.0\"") != std::string::npos, svg);
    BOOST_TEST(svg.find("points=\"88.0,240.0 584.0,32.0\"") != std::string::npos, svg);
    BOOST_TEST(count(svg, "class=\"point\"") == 2u);
    BOOST_TEST(svg.find(">100%</text>") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
