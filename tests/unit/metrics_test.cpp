#include <boost/test/unit_test.hpp>
#include <chrono>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "gateway/base/metrics.hpp"
#include "gateway/journal/journal_metrics.hpp"

using namespace std::chrono_literals;

namespace {

bool has_line(const std::string& text, const std::string& line) {
    return text.find("\n" + line + "\n") != std::string::npos || text.rfind(line + "\n", 0) == 0;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    return lines;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(metrics)

BOOST_AUTO_TEST_CASE(counts_requests_by_route_and_status) {
    ehall::Metrics metrics;
    metrics.observe_request("/api/v1/login", 200, 100us);
    metrics.observe_request("/api/v1/login", 200, 2ms);
    metrics.observe_request("/api/v1/login", 401, 300us);
    metrics.observe_request("/healthz", 200, 50us);
    const std::string text = metrics.render();
    BOOST_TEST(has_line(text, "# TYPE ehall_http_requests_total counter"));
    BOOST_TEST(
        has_line(text, R"(ehall_http_requests_total{route="/api/v1/login",status="200"} 2)"));
    BOOST_TEST(
        has_line(text, R"(ehall_http_requests_total{route="/api/v1/login",status="401"} 1)"));
    BOOST_TEST(has_line(text, R"(ehall_http_requests_total{route="/healthz",status="200"} 1)"));
}

BOOST_AUTO_TEST_CASE(histogram_buckets_are_cumulative) {
    ehall::Metrics metrics;
    const std::vector<std::chrono::microseconds> latencies = {100us, 500us, 2ms, 40ms, 3s, 10s};
    for (auto latency : latencies)
        metrics.observe_request("/pay", 200, latency);
    const std::string text = metrics.render();
    const std::string prefix = R"(ehall_http_request_duration_seconds_bucket{route="/pay",le=")";
    BOOST_TEST(has_line(text, "# TYPE ehall_http_request_duration_seconds histogram"));
    BOOST_TEST(has_line(text, prefix + R"(0.0005"} 2)"));  // le is inclusive
    BOOST_TEST(has_line(text, prefix + R"(0.001"} 2)"));
    BOOST_TEST(has_line(text, prefix + R"(0.0025"} 3)"));
    BOOST_TEST(has_line(text, prefix + R"(0.05"} 4)"));
    BOOST_TEST(has_line(text, prefix + R"(2.5"} 4)"));
    BOOST_TEST(has_line(text, prefix + R"(5"} 5)"));
    BOOST_TEST(has_line(text, prefix + R"(+Inf"} 6)"));
    BOOST_TEST(has_line(text, R"(ehall_http_request_duration_seconds_count{route="/pay"} 6)"));
    BOOST_TEST(has_line(text, R"(ehall_http_request_duration_seconds_sum{route="/pay"} 13.0426)"));

    std::uint64_t previous = 0;
    int buckets = 0;
    for (const auto& line : lines_of(text)) {
        if (line.rfind(prefix, 0) != 0)
            continue;
        const auto value = std::stoull(line.substr(line.rfind(' ') + 1));
        BOOST_TEST(value >= previous);
        previous = value;
        ++buckets;
    }
    BOOST_TEST(buckets == 14);
    BOOST_TEST(previous == latencies.size());
}

BOOST_AUTO_TEST_CASE(counts_plugin_results) {
    ehall::Metrics metrics;
    metrics.count_result("billing", "pay", "web", "ok");
    metrics.count_result("billing", "pay", "web", "ok");
    metrics.count_result("billing", "pay", "sms", "insufficient_balance");
    const std::string text = metrics.render();
    BOOST_TEST(has_line(text, "# TYPE ehall_plugin_results_total counter"));
    BOOST_TEST(has_line(
        text,
        R"(ehall_plugin_results_total{plugin="billing",operation="pay",channel="web",code="ok"} 2)"));
    BOOST_TEST(has_line(text, R"(ehall_plugin_results_total{plugin="billing",operation="pay",)"
                              R"(channel="sms",code="insufficient_balance"} 1)"));
}

BOOST_AUTO_TEST_CASE(escapes_label_values) {
    ehall::Metrics metrics;
    metrics.observe_request("/a\"b\\c\nd", 404, 1ms);
    const std::string text = metrics.render();
    BOOST_TEST(has_line(text, R"(ehall_http_requests_total{route="/a\"b\\c\nd",status="404"} 1)"));
}

BOOST_AUTO_TEST_CASE(renders_journal_stats_and_gauges) {
    ehall::Metrics metrics;
    metrics.set_gauge("ehall_http_open_connections", "Open client connections.", 3);
    metrics.set_gauge("ehall_http_open_connections", "ignored", 4);
    BOOST_CHECK_THROW(metrics.set_gauge("bad name", "", 1), std::invalid_argument);
    ehall::Journal::Stats stats;
    stats.queue_depth = 7;
    stats.written = 1234567;
    stats.dropped = 2;
    stats.write_errors = 1;
    stats.flush_lag_seconds = 0.25;
    stats.summary_lag_seconds = 1.5;
    ehall::publish_journal_stats(metrics, stats);
    const std::string text = metrics.render();
    BOOST_TEST(has_line(text, "# TYPE ehall_journal_queue_depth gauge"));
    BOOST_TEST(has_line(text, "ehall_journal_queue_depth 7"));
    BOOST_TEST(has_line(text, "ehall_journal_flush_lag_seconds 0.25"));
    BOOST_TEST(has_line(text, "ehall_journal_summary_lag_seconds 1.5"));
    BOOST_TEST(has_line(text, "# TYPE ehall_journal_written_total counter"));
    BOOST_TEST(has_line(text, "ehall_journal_written_total 1234567"));
    BOOST_TEST(has_line(text, "ehall_journal_dropped_total 2"));
    BOOST_TEST(has_line(text, "ehall_journal_write_errors_total 1"));
    BOOST_TEST(has_line(text, "# HELP ehall_http_open_connections Open client connections."));
    BOOST_TEST(has_line(text, "# TYPE ehall_http_open_connections gauge"));
    BOOST_TEST(has_line(text, "ehall_http_open_connections 4"));
}

BOOST_AUTO_TEST_CASE(every_line_is_valid_exposition_format) {
    ehall::Metrics metrics;
    metrics.observe_request("/x", 200, 1ms);
    metrics.count_result("offers", "accept", "kiosk", "ok");
    metrics.set_gauge("ehall_up", "Whether the gateway is up.", 1);
    const std::string text = metrics.render();
    BOOST_REQUIRE(!text.empty());
    BOOST_TEST(text.back() == '\n');
    const std::regex comment(R"(# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .*)");
    const std::regex sample(R"([a-zA-Z_:][a-zA-Z0-9_:]*(\{[a-zA-Z_][a-zA-Z0-9_]*="([^"\\]|\\.)*")"
                            R"((,[a-zA-Z_][a-zA-Z0-9_]*="([^"\\]|\\.)*")*\})? [-+0-9.eEInfNa]+)");
    for (const auto& line : lines_of(text)) {
        BOOST_TEST_INFO(line);
        BOOST_TEST((std::regex_match(line, comment) || std::regex_match(line, sample)));
    }
}

BOOST_AUTO_TEST_SUITE_END()
