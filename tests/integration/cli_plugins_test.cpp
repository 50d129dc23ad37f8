// `ehall plugins list|enable|disable`: online through a running gateway's admin API, and
// --offline straight in the store of a stopped one.
#include <boost/test/unit_test.hpp>

#include "tests/support/demo_customer.hpp"
#include "tests/support/ehall_command.hpp"
#include "tests/support/server_process.hpp"

using namespace ehall::test;

namespace {

bool enabled_on(ServerProcess& server, const std::string& channel) {
    HttpClient client(server.port());
    auto plugins = client.get("/admin/v1/plugins", bearer(admin_token)).json();
    return plugins["plugins"][0]["channels"].value(channel, false);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli_plugins)

BOOST_AUTO_TEST_CASE(online_commands_use_the_admin_api) {
    ServerProcess server("cli-online");
    BOOST_REQUIRE(server.start(demo_config()));
    const std::string url = "--url http://127.0.0.1:" + std::to_string(server.port());
    const std::string config = "--config " + (server.dir() / "config.json").string();

    auto list =
        run_ehall("EHALL_ADMIN_TOKEN=demo-admin-token", "plugins list " + url + " " + config);
    BOOST_TEST(list.status == 0, list.output);
    BOOST_TEST(list.output.find("billing") != std::string::npos, list.output);

    auto disable =
        run_ehall("", "plugins disable billing --channels sms --token demo-admin-token " + url +
                          " " + config);
    BOOST_TEST(disable.status == 0, disable.output);
    BOOST_TEST(!enabled_on(server, "sms"));
    BOOST_TEST(enabled_on(server, "web"));

    auto wrong =
        run_ehall("", "plugins enable billing --token not-the-token " + url + " " + config);
    BOOST_TEST(wrong.status == 1, wrong.output);
    BOOST_TEST(wrong.output.find("401") != std::string::npos, wrong.output);
    BOOST_TEST(!enabled_on(server, "sms"));

    auto bad_channel = run_ehall("", "plugins enable billing --channels fax " + url + " " + config);
    BOOST_TEST(bad_channel.status == 2, bad_channel.output);
    BOOST_TEST(bad_channel.output.find("fax") != std::string::npos, bad_channel.output);
}

BOOST_AUTO_TEST_CASE(offline_commands_change_the_store_and_are_audited) {
    ServerProcess server("cli-offline");
    BOOST_REQUIRE(server.start(demo_config()));
    BOOST_REQUIRE(server.stop() == 0);
    const std::string environment = server.data_environment();
    const std::string config = "--config " + (server.dir() / "config.json").string();

    auto disable =
        run_ehall(environment, "plugins disable billing --channels web --offline " + config);
    BOOST_TEST(disable.status == 0, disable.output);
    auto list = run_ehall(environment, "plugins list --offline " + config);
    BOOST_TEST(list.output.find("billing") != std::string::npos, list.output);

    BOOST_REQUIRE(server.start(demo_config()));
    BOOST_TEST(!enabled_on(server, "web"));
    HttpClient client(server.port());
    auto audit = client.get("/admin/v1/audit", bearer(admin_token)).json();
    BOOST_REQUIRE(!audit["entries"].empty());
    BOOST_TEST(audit["entries"][0]["actor"].get<std::string>().starts_with("cli-offline:"));
    BOOST_TEST(audit["entries"][0]["action"] == "plugin.disable");
}

BOOST_AUTO_TEST_CASE(help_and_unknown_commands) {
    BOOST_TEST(run_ehall("", "--help").output.find("serve") != std::string::npos);
    auto serve_help = run_ehall("", "serve --help");
    BOOST_TEST(serve_help.status == 0);
    BOOST_TEST(serve_help.output.find("--listen") != std::string::npos);
    BOOST_TEST(run_ehall("", "plugins --help").output.find("--offline") != std::string::npos);
    auto unknown = run_ehall("", "frobnicate");
    BOOST_TEST(unknown.status == 2);
    BOOST_TEST(unknown.output.find("unknown command") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
