// examples/plugin built the way a plugin author builds it (DESIGN §4a): the SDK installed
// with `cmake --install` into a temporary prefix, the example configured against it with
// find_package(ehall_sdk) in a temporary directory, its module loaded into a running
// gateway and used on the web, SMS and kiosk channels and through its admin operation.
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <filesystem>

#include "tests/support/demo_customer.hpp"
#include "tests/support/kiosk_test_server.hpp"
#include "tests/support/ops_console_client.hpp"
#include "tests/support/server_process.hpp"

using namespace ehall::test;
namespace fs = std::filesystem;

namespace {

// Runs a shell command; its output goes to `log`. True when it exits with 0.
bool run(const std::string& command, const fs::path& log) {
    return std::system((command + " >>" + log.string() + " 2>&1").c_str()) == 0;
}

std::string quoted(const fs::path& path) {
    return "'" + path.string() + "'";
}

// The example's module, built against an SDK installed from this build tree.
fs::path build_example(const fs::path& work) {
    const fs::path prefix = work / "prefix";
    const fs::path build = work / "build";
    const fs::path log = work / "build.log";
    const std::string cmake = EHALL_CMAKE_COMMAND;
    BOOST_REQUIRE_MESSAGE(run(cmake + " --install " + quoted(EHALL_BINARY_DIR) + " --prefix " +
                                  quoted(prefix) + " --component sdk",
                              log),
                          "cmake --install failed; see " << log);
    BOOST_TEST(fs::exists(prefix / "include/ehall/plugin.hpp"));
    BOOST_REQUIRE_MESSAGE(
        run(cmake + " -S " + quoted(fs::path(EHALL_SOURCE_DIR) / "examples/plugin") + " -B " +
                quoted(build) + " -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=" +
                EHALL_CXX_COMPILER + " -DCMAKE_PREFIX_PATH=" + quoted(prefix),
            log),
        "configuring the example failed; see " << log);
    BOOST_REQUIRE_MESSAGE(run(cmake + " --build " + quoted(build), log),
                          "building the example failed; see " << log);
    BOOST_REQUIRE(fs::exists(build / "hello.so"));
    return build;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(example_plugin)

BOOST_AUTO_TEST_CASE(built_outside_the_tree_it_serves_web_sms_and_kiosk) {
    const fs::path work = fs::temp_directory_path() / ("ehall-example-" + std::to_string(getpid()));
    fs::remove_all(work);
    fs::create_directories(work);
    const fs::path module_dir = build_example(work);

    auto config = demo_config({"billing", "hello"});
    config["plugins"]["dir"] =
        config["plugins"]["dir"].get<std::string>() + ":" + module_dir.string();
    config["sms"] = {{"templates_dir", std::string(EHALL_SOURCE_DIR) + "/templates/sms"}};
    RunningKiosk running(config);
    HttpClient& client = *running.client;

    // Offered on every channel, as the default channels say.
    auto plugins = client.get("/admin/v1/plugins", bearer(admin_token)).json();
    bool listed = false;
    for (const auto& plugin : plugins["plugins"]) {
        if (plugin["id"] != "hello")
            continue;
        listed = true;
        for (const char* channel : {"web", "sms", "kiosk"})
            BOOST_TEST(plugin["channels"][channel] == true, channel);
        BOOST_TEST(plugin["admin_operations"][0]["name"] == "set_greeting");
    }
    BOOST_TEST(listed);

    // Web: JSON and the result page, with the plugin's own label.
    auto token = demo_token(client);
    auto web = client.post("/api/v1/services/hello/greet", {{"name", "张三"}}, bearer(token));
    BOOST_TEST(web.status == 200u, web.body);
    BOOST_TEST(web.json()["data"]["greeting"] == "你好，张三！");

    // SMS: the keyword (or its Chinese alias) and the plugin's own reply text.
    auto sms = client.get("/sms/mo?from=8613800138000&to=10086&text=NH%20%E6%9D%8E%E5%9B%9B");
    BOOST_TEST(sms.status == 200u);
    BOOST_TEST(sms.body == "你好，李四！");
    auto alias = client.get("/sms/mo?from=8613800138000&to=10086&text=%E4%BD%A0%E5%A5%BD%20Lee");
    BOOST_TEST(alias.body == "你好，LEE！");  // SMS arguments arrive upper-cased

    // Ops change the greeting through the plugin's admin operation, audited.
    const std::string op_path = "/admin/v1/plugins/hello/ops/set_greeting";
    BOOST_TEST(client.post(op_path, {{"text", "您好"}}).status == 401u);
    auto changed = client.post(op_path, {{"text", "您好"}}, bearer(admin_token));
    BOOST_TEST(changed.status == 200u, changed.body);
    BOOST_TEST(changed.json()["data"]["greeting"] == "您好");
    auto too_long = client.post(op_path, {{"text", std::string(200, 'x')}}, bearer(admin_token));
    BOOST_TEST(too_long.status == 400u);
    BOOST_TEST(too_long.json()["code"] == "bad_request");
    auto unknown = client.post("/admin/v1/plugins/hello/ops/drop_everything",
                               nlohmann::json::object(), bearer(admin_token));
    BOOST_TEST(unknown.status == 404u);
    BOOST_TEST(unknown.json()["code"] == "unknown_operation");
    auto audit = client.get("/admin/v1/audit?target=hello", bearer(admin_token)).json();
    BOOST_REQUIRE(!audit["entries"].empty());
    BOOST_TEST(audit["entries"][0]["action"] == "plugin.op.set_greeting");

    // The ops console offers the admin operation as a form on the plugin's page.
    BOOST_REQUIRE(client
                      .post("/admin/v1/accounts",
                            {{"name", "alice"}, {"password", "alice-secret-1"}},
                            bearer(admin_token))
                      .status == 201u);
    auto [cookie, signed_in] = sign_in(client, "alice", "alice-secret-1");
    BOOST_REQUIRE(signed_in.status == 303u);
    auto plugin_page = client.get("/admin/plugins/hello", {{"Cookie", cookie}});
    BOOST_TEST(plugin_page.body.find("action=\"/admin/plugins/hello/ops/set_greeting\"") !=
               std::string::npos);
    const std::string csrf = hidden_field(plugin_page.body, "csrf");
    BOOST_TEST(
        post_form(client, "/admin/plugins/hello/ops/set_greeting", "text=x", cookie).status ==
        403u);  // no CSRF token
    auto done = post_form(client, "/admin/plugins/hello/ops/set_greeting",
                          "csrf=" + csrf + "&text=%E6%82%A8%E5%A5%BD", cookie);
    BOOST_TEST(done.status == 200u, done.body);
    BOOST_TEST(done.body.find("您好") != std::string::npos);
    auto by_alice =
        client.get("/admin/v1/audit?target=hello&actor=ops%3Aalice", bearer(admin_token));
    BOOST_TEST(by_alice.json()["entries"].size() == 1u);

    // Kiosk: the native API, signed by the terminal; no customer needed.
    auto kiosk = running.kiosk().post("/kiosk/v1/services/hello/greet", {{"name", "王五"}});
    BOOST_TEST(kiosk.status == 200u, kiosk.body);
    BOOST_TEST(kiosk.json()["data"]["greeting"] == "您好，王五！");

    fs::remove_all(work);
}

BOOST_AUTO_TEST_SUITE_END()
