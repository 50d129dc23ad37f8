// GET /metrics: Prometheus text with request counts, latency, plugin results and the
// journal gauges (DESIGN §6).
#include <boost/test/unit_test.hpp>
#include <map>
#include <sstream>

#include "tests/support/demo_customer.hpp"
#include "tests/support/server_process.hpp"

using namespace ehall::test;

namespace {

// Series (name with labels) -> value, from the exposition text; comments skipped.
std::map<std::string, std::string> samples(const std::string& text) {
    std::map<std::string, std::string> found;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        if (line.empty() || line.front() == '#')
            continue;
        auto space = line.rfind(' ');
        if (space != std::string::npos)
            found[line.substr(0, space)] = line.substr(space + 1);
    }
    return found;
}

const std::string invoke_route = R"(route="/api/v1/services/{plugin}/{operation}")";

}  // namespace

BOOST_AUTO_TEST_SUITE(metrics)

BOOST_AUTO_TEST_CASE(counts_requests_results_and_journal_state) {
    ServerProcess server("metrics");
    BOOST_REQUIRE(server.start(demo_config()));
    HttpClient client(server.port());
    const auto token = demo_token(client);
    BOOST_REQUIRE(!token.empty());
    for (int i = 0; i < 3; ++i) {
        BOOST_TEST(client.post("/api/v1/services/billing/balance", {}, bearer(token)).status ==
                   200u);
    }
    BOOST_TEST(client.post("/api/v1/services/billing/balance", {}).status == 401u);

    auto response = client.get("/metrics");
    BOOST_TEST(response.status == 200u);
    BOOST_TEST(response.header("Content-Type").starts_with("text/plain"));
    const auto& text = response.body;
    auto found = samples(text);
    auto value = [&](const std::string& series) {
        auto it = found.find(series);
        return it == found.end() ? std::string("(absent)") : it->second;
    };
    BOOST_TEST_CONTEXT(text) {
        BOOST_TEST(value("ehall_http_requests_total{" + invoke_route + ",status=\"200\"}") == "3");
        BOOST_TEST(value("ehall_http_requests_total{" + invoke_route + ",status=\"401\"}") == "1");
        BOOST_TEST(value("ehall_http_requests_total{route=\"/api/v1/login\",status=\"200\"}") ==
                   "1");
        BOOST_TEST(text.find("# TYPE ehall_http_request_duration_seconds histogram") !=
                   std::string::npos);
        BOOST_TEST(value("ehall_http_request_duration_seconds_count{" + invoke_route + "}") == "4");
        BOOST_TEST(value("ehall_http_request_duration_seconds_bucket{" + invoke_route +
                         ",le=\"+Inf\"}") == "4");
        BOOST_TEST(value("ehall_plugin_results_total{plugin=\"billing\",operation=\"balance\","
                         "channel=\"web\",code=\"ok\"}") == "3");
        BOOST_TEST(value("ehall_plugin_results_total{plugin=\"billing\",operation=\"balance\","
                         "channel=\"web\",code=\"unauthenticated\"}") == "1");
        BOOST_TEST(found.count("ehall_journal_queue_depth") == 1u);
        BOOST_TEST(found.count("ehall_journal_flush_lag_seconds") == 1u);
        BOOST_TEST(found.count("ehall_journal_summary_lag_seconds") == 1u);
        BOOST_TEST(value("ehall_journal_dropped_total") == "0");
    }
    BOOST_TEST(server.stop() == 0);
}

BOOST_AUTO_TEST_SUITE_END()
