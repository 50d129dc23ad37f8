// Server-rendered line charts: one polyline per series, escaped labels, a round y maximum.
#include <boost/test/unit_test.hpp>

#include "gateway/html/svg_line_chart.hpp"

BOOST_AUTO_TEST_SUITE(svg_line_chart)

BOOST_AUTO_TEST_CASE(draws_each_series_and_escapes_every_label) {
    ehall::LineChart chart{
        "rate <b>", "%", {"10:00", "10:05", "<x>"}, {{"web", {1, 2, 3}}, {"s&ms", {0, 7.5, 0}}}};
    const std::string svg = ehall::svg_line_chart(chart);
    BOOST_TEST(svg.starts_with("<svg"));
    BOOST_TEST(svg.find("<b>") == std::string::npos);
    BOOST_TEST(svg.find("rate &lt;b&gt;") != std::string::npos);
    BOOST_TEST(svg.find("&lt;x&gt;") != std::string::npos);
    BOOST_TEST(svg.find("s&amp;ms") != std::string::npos);
    std::size_t polylines = 0;
    for (auto at = svg.find("<polyline"); at != std::string::npos;
         at = svg.find("<polyline", at + 1))
        ++polylines;
    BOOST_TEST(polylines == 2u);
    BOOST_TEST(svg.find(">10%</text>") != std::string::npos);  // 7.5 rounds up to 10
}

BOOST_AUTO_TEST_SUITE_END()
