// Enabling and disabling a plugin per channel through the admin API: at run time, audited,
// and persisted in the store (DESIGN §4, §6).
#include <boost/test/unit_test.hpp>

#include "tests/support/demo_customer.hpp"
#include "tests/support/server_process.hpp"

using namespace ehall::test;

namespace {

const std::string audit_path = "/admin/v1/audit?limit=10";

const nlohmann::json web_only = {{"channels", nlohmann::json::array({"web"})}};

bool lists_plugin(HttpClient& client, const std::string& plugin) {
    auto services = client.get("/api/v1/services").json();
    for (const auto& service : services["services"]) {
        if (service["plugin"] == plugin)
            return true;
    }
    return false;
}

nlohmann::json channels_of(HttpClient& client, const std::string& plugin) {
    auto plugins = client.get("/admin/v1/plugins", bearer(admin_token)).json();
    for (const auto& entry : plugins["plugins"]) {
        if (entry["id"] == plugin)
            return entry["channels"];
    }
    return nullptr;
}

HttpResult balance(HttpClient& client, const std::string& token) {
    return client.post("/api/v1/services/billing/balance", {}, bearer(token));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(plugin_enablement)

BOOST_AUTO_TEST_CASE(admin_api_needs_the_admin_token) {
    ServerProcess server("admin-token");
    BOOST_REQUIRE(server.start(demo_config()));
    HttpClient client(server.port());
    BOOST_TEST(client.get("/admin/v1/plugins").status == 401u);
    BOOST_TEST(client.get("/admin/v1/plugins", bearer("wrong-admin-token")).status == 401u);
    BOOST_TEST(client.post("/admin/v1/plugins/billing/disable", web_only).status == 401u);
    BOOST_TEST(
        client.post("/admin/v1/plugins/billing/disable", web_only, bearer("demo-admin-tokem"))
            .status == 401u);
    // A customer token is not an admin token either.
    BOOST_TEST(client.get("/admin/v1/plugins", bearer(demo_token(client))).status == 401u);
    BOOST_TEST(channels_of(client, "billing")["web"] == true);
    BOOST_TEST(server.stop() == 0);
}

BOOST_AUTO_TEST_CASE(disable_and_enable_billing_on_web) {
    ServerProcess server("enable-disable");
    BOOST_REQUIRE(server.start(demo_config()));
    HttpClient client(server.port());
    const auto token = demo_token(client);
    BOOST_REQUIRE(!token.empty());
    BOOST_TEST(lists_plugin(client, "billing"));

    auto disabled = client.post("/admin/v1/plugins/billing/disable", web_only, bearer(admin_token));
    BOOST_TEST(disabled.status == 200u);
    const nlohmann::json web_off = {{"web", false}, {"sms", true}, {"kiosk", true}};
    BOOST_TEST(disabled.json()["channels"] == web_off);
    BOOST_TEST(!lists_plugin(client, "billing"));
    auto refused = balance(client, token);
    BOOST_TEST(refused.status == 403u);
    BOOST_TEST(refused.json()["code"] == "plugin_disabled");
    BOOST_TEST(channels_of(client, "billing") == web_off);

    auto audit = client.get(audit_path, bearer(admin_token)).json();
    BOOST_REQUIRE(!audit["entries"].empty());
    const auto& entry = audit["entries"][0];
    BOOST_TEST(entry["action"] == "plugin.disable");
    BOOST_TEST(entry["target"] == "billing");
    const std::string actor = entry["actor"];
    BOOST_TEST(actor.starts_with("admin-token:"));
    BOOST_TEST(actor.size() == std::string("admin-token:").size() + 8);
    BOOST_TEST(actor.find(admin_token) == std::string::npos);
    BOOST_TEST(entry["before"]["web"] == true);
    BOOST_TEST(entry["after"] == web_off);

    auto enabled = client.post("/admin/v1/plugins/billing/enable", web_only, bearer(admin_token));
    BOOST_TEST(enabled.status == 200u);
    BOOST_TEST(enabled.json()["channels"]["web"] == true);
    BOOST_TEST(lists_plugin(client, "billing"));
    BOOST_TEST(balance(client, token).json()["data"]["balance_fen"] == 5860);
    audit = client.get(audit_path, bearer(admin_token)).json();
    BOOST_TEST(audit["entries"][0]["action"] == "plugin.enable");
    BOOST_TEST(audit["entries"][0]["before"] == web_off);

    auto unknown = client.post("/admin/v1/plugins/nosuch/disable", web_only, bearer(admin_token));
    BOOST_TEST(unknown.status == 404u);
    auto bad_channel =
        client.post("/admin/v1/plugins/billing/disable",
                    {{"channels", nlohmann::json::array({"fax"})}}, bearer(admin_token));
    BOOST_TEST(bad_channel.status == 400u);
    BOOST_TEST(channels_of(client, "billing")["web"] == true);
    BOOST_TEST(server.stop() == 0);
}

BOOST_AUTO_TEST_CASE(enabled_state_survives_a_restart) {
    ServerProcess server("enable-restart");
    BOOST_REQUIRE(server.start(demo_config()));
    {
        HttpClient client(server.port());
        auto disabled =
            client.post("/admin/v1/plugins/billing/disable", web_only, bearer(admin_token));
        BOOST_TEST(disabled.status == 200u);
    }
    BOOST_REQUIRE(server.stop() == 0);

    BOOST_REQUIRE(server.start(demo_config()));  // same data dir
    HttpClient client(server.port());
    BOOST_TEST(channels_of(client, "billing") ==
               nlohmann::json({{"web", false}, {"sms", true}, {"kiosk", true}}));
    BOOST_TEST(!lists_plugin(client, "billing"));
    BOOST_TEST(balance(client, demo_token(client)).json()["code"] == "plugin_disabled");
    BOOST_TEST(
        client.post("/admin/v1/plugins/billing/enable", web_only, bearer(admin_token)).status ==
        200u);
    BOOST_TEST(lists_plugin(client, "billing"));
    BOOST_TEST(server.stop() == 0);
}

BOOST_AUTO_TEST_SUITE_END()
