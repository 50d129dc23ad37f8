// SVG charts escape every label and carry each data point.
#include <boost/test/unit_test.hpp>

#include "gateway/analytics/svg_chart.hpp"

using namespace ehall::analytics;

BOOST_AUTO_TEST_SUITE(svg_chart)

BOOST_AUTO_TEST_CASE(labels_are_escaped) {
    const std::string svg = line_chart("a<b>&\"c\"", {{"<script>x</script>", 0.5}});
    BOOST_TEST(svg.find("<script>") == std::string::npos);
    BOOST_TEST(svg.find("&lt;script&gt;x&lt;/script&gt;") != std::string::npos);
    BOOST_TEST(svg.find("aria-label=\"a&lt;b&gt;&amp;&quot;c&quot;\"") != std::string::npos);
    const std::string bars = bar_chart("t", {{"x\" onload=\"alert(1)", 3}});
    BOOST_TEST(bars.find("onload=\"alert") == std::string::npos);
    BOOST_TEST(bars.find("data-value=\"3\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(points_sit_on_a_zero_to_hundred_percent_axis) {
    const std::string svg = line_chart("rates", {{"2026-04", 0.0}, {"2026-05", 1.0}});
    // Plot from y=32 (100%) to y=240 (0%); points from x=88 to 584 (40 in from the axes).
    BOOST_TEST(svg.find("cx=\"88.0\" cy=\"240.0\"") != std::string::npos, svg);
    BOOST_TEST(svg.find("cx=\"584.0\" cy=\"32.0\"") != std::string::npos, svg);
    BOOST_TEST(svg.find("points=\"88.0,240.0 584.0,32.0\"") != std::string::npos, svg);
}

BOOST_AUTO_TEST_SUITE_END()
