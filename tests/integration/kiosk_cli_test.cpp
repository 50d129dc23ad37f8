// `ehall terminals list`: online through the admin API, and --offline from the store, with
// the cash box figures.
#include <boost/test/unit_test.hpp>

#include "tests/support/demo_customer.hpp"
#include "tests/support/ehall_command.hpp"
#include "tests/support/kiosk_signer.hpp"
#include "tests/support/server_process.hpp"

using namespace ehall::test;

namespace {

// The printed table's line for `terminal`, empty when it is not listed.
std::string line_of(const std::string& output, const std::string& terminal) {
    auto start = output.find("\n" + terminal + " ");
    if (start == std::string::npos)
        return {};
    auto end = output.find('\n', start + 1);
    return output.substr(start + 1, end - start - 1);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(kiosk_cli)

BOOST_AUTO_TEST_CASE(lists_terminals_online_and_offline) {
    ServerProcess server("kiosk-cli");
    BOOST_REQUIRE(server.start(demo_config()));
    HttpClient client(server.port());
    const std::string path = "/kiosk/v1/heartbeat";
    const std::string body =
        R"({"printer_paper":"low","cash_box":"full","version":"3.0.0","cash_box_fen":1250})";
    auto beat = client.post_json_text(
        path, body,
        kiosk_signature_headers({"KIOSK-0001", "demo-kiosk-key-0001"}, "POST", path, body));
    BOOST_REQUIRE(beat.status == 200u);

    const std::string url = "--url http://127.0.0.1:" + std::to_string(server.port());
    const std::string config = "--config " + (server.dir() / "config.json").string();
    auto online = run_ehall("", "terminals list --token demo-admin-token " + url + " " + config);
    BOOST_TEST(online.status == 0, online.output);
    const std::string row = line_of(online.output, "KIOSK-0001");
    BOOST_TEST(row.find("FS-CC-01") != std::string::npos, online.output);
    BOOST_TEST(row.find(" no ") != std::string::npos, row);  // not stale
    BOOST_TEST(row.find("low") != std::string::npos, row);
    BOOST_TEST(row.find("full") != std::string::npos, row);
    BOOST_TEST(row.find("3.0.0") != std::string::npos, row);
    // Expected (nothing taken), reported and their difference, in yuan.
    BOOST_TEST(row.find(" 0.00 ") != std::string::npos, row);
    BOOST_TEST(row.find(" 12.50 ") != std::string::npos, row);
    BOOST_TEST(online.output.find("demo-kiosk-key") == std::string::npos);

    auto refused = run_ehall("", "terminals list --token wrong-token " + url + " " + config);
    BOOST_TEST(refused.status == 1, refused.output);
    BOOST_TEST(refused.output.find("401") != std::string::npos, refused.output);

    BOOST_REQUIRE(server.stop() == 0);
    auto offline =
        run_ehall(server.data_environment(), "terminals list --offline --json " + config);
    BOOST_TEST(offline.status == 0, offline.output);
    auto listed = nlohmann::json::parse(offline.output, nullptr, false);
    BOOST_REQUIRE_MESSAGE(listed.is_array() && listed.size() == 1u, offline.output);
    BOOST_TEST(listed[0]["id"] == "KIOSK-0001");
    BOOST_TEST(listed[0]["device"]["cash_box"] == "full");
    BOOST_TEST(listed[0]["cash"]["expected_fen"] == 0);
    BOOST_TEST(listed[0]["cash"]["difference_fen"] == 1250);
    BOOST_TEST(!listed[0].contains("key"));

    BOOST_TEST(run_ehall("", "terminals --help").output.find("--offline") != std::string::npos);
    BOOST_TEST(run_ehall("", "terminals remove KIOSK-0001").status == 2);
}

BOOST_AUTO_TEST_SUITE_END()
