// Plugin modules: an ABI mismatch is refused at load, and a throwing, slow or silent plugin
// costs only its own request (DESIGN §4).
#include <boost/test/unit_test.hpp>
#include <sstream>

#include "tests/support/demo_customer.hpp"
#include "tests/support/server_process.hpp"

using namespace ehall::test;
using namespace std::chrono_literals;

namespace {

bool has_line_with(const std::string& log, const std::string& a, const std::string& b) {
    std::istringstream lines(log);
    for (std::string line; std::getline(lines, line);) {
        if (line.find(a) != std::string::npos && line.find(b) != std::string::npos)
            return true;
    }
    return false;
}

HttpResult call_faulty(HttpClient& client, const std::string& operation,
                       const nlohmann::json& params = nlohmann::json::object()) {
    return client.post("/api/v1/services/faulty/" + operation, params);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(plugin_loading)

BOOST_AUTO_TEST_CASE(abi_mismatch_is_refused_and_billing_still_serves) {
    ServerProcess server("abi-mismatch");
    BOOST_REQUIRE(server.start(demo_config({"billing", "abi_mismatch"})));
    const auto log = server.stderr_text();
    BOOST_TEST(has_line_with(log, "abi_mismatch", "ABI version"), log);

    HttpClient client(server.port());
    auto token = demo_token(client);
    BOOST_REQUIRE(!token.empty());
    auto balance = client.post("/api/v1/services/billing/balance", {}, bearer(token));
    BOOST_TEST(balance.status == 200u);
    BOOST_TEST(balance.json()["data"]["balance_fen"] == 5860);

    auto plugins = client.get("/admin/v1/plugins", bearer(admin_token)).json();
    std::vector<std::string> loaded, refused;
    for (const auto& plugin : plugins["plugins"])
        loaded.push_back(plugin["id"].get<std::string>());
    for (const auto& plugin : plugins["refused"])
        refused.push_back(plugin["id"].get<std::string>());
    BOOST_TEST(loaded == std::vector<std::string>{"billing"}, boost::test_tools::per_element());
    BOOST_TEST(refused == std::vector<std::string>{"abi_mismatch"},
               boost::test_tools::per_element());
    BOOST_TEST(server.stop() == 0);
}

BOOST_AUTO_TEST_CASE(throwing_plugin_costs_only_its_request) {
    ServerProcess server("faulty-boom");
    BOOST_REQUIRE(server.start(demo_config({"faulty"})));
    HttpClient client(server.port());
    for (int round = 0; round < 2; ++round) {
        auto boom = call_faulty(client, "boom");
        BOOST_TEST(boom.status == 500u);
        BOOST_TEST(boom.json()["status"] == "error");
        BOOST_TEST(boom.json()["code"] == "internal_error");
        BOOST_TEST(client.get("/healthz").json() == nlohmann::json({{"status", "ok"}}));
    }
    auto echo = call_faulty(client, "echo", {{"text", "still here"}});
    BOOST_TEST(echo.status == 200u);
    BOOST_TEST(echo.json()["data"]["params"]["text"] == "still here");
    BOOST_TEST(server.stderr_text().find("boom, as requested") != std::string::npos);
    BOOST_TEST(server.stop() == 0);
}

BOOST_AUTO_TEST_CASE(silent_plugin_times_out_slow_one_answers) {
    auto config = demo_config({"faulty"});
    config["plugins"]["default_timeout_ms"] = 5000;
    config["plugins"]["timeouts_ms"] = {{"faulty.never", 300}};
    ServerProcess server("faulty-timeout");
    BOOST_REQUIRE(server.start(config));
    HttpClient client(server.port());

    const auto started = std::chrono::steady_clock::now();
    auto never = call_faulty(client, "never");
    const auto elapsed_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                                std::chrono::steady_clock::now() - started)
                                .count();
    BOOST_TEST(never.status == 504u);
    BOOST_TEST(never.json()["code"] == "timeout");
    BOOST_TEST(elapsed_ms >= 280);
    BOOST_TEST(elapsed_ms < 3000);  // the per-operation 300 ms, not the default 5 s

    auto slow = call_faulty(client, "slow", {{"ms", 20}});
    BOOST_TEST(slow.status == 200u);
    BOOST_TEST(slow.json()["code"] == "ok");
    BOOST_TEST(slow.json()["data"]["slept_ms"] == 20);

    auto unknown = call_faulty(client, "slow", {{"sleep", 20}});
    BOOST_TEST(unknown.status == 400u);
    BOOST_TEST(unknown.json()["code"] == "bad_request");
    BOOST_TEST(client.get("/healthz").status == 200u);
    BOOST_TEST(server.stop() == 0);
}

BOOST_AUTO_TEST_SUITE_END()
