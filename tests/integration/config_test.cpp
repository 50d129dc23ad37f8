// An invalid config stops start-up with exit code 78 and a message naming the key (DESIGN §3).
#include <boost/test/unit_test.hpp>

#include "tests/support/server_process.hpp"

using namespace ehall::test;
using namespace std::chrono_literals;

namespace {

struct Refusal {
    bool listened = false;
    int status = -1;
    std::string log;
};

Refusal run_expecting_refusal(const std::string& name, const nlohmann::json& config,
                              const Environment& env = {}) {
    ServerProcess server(name);
    Refusal refusal;
    refusal.listened = server.start(config, env);
    if (refusal.listened)
        server.stop();
    refusal.status = server.wait_exit(10s).value_or(-1);
    refusal.log = server.stderr_text();
    return refusal;
}

bool names_key(const Refusal& refusal, const std::string& key) {
    return refusal.log.find("ehall: invalid configuration: config key '" + key + "'") !=
           std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(config)

BOOST_AUTO_TEST_CASE(unknown_key_is_named) {
    auto config = demo_config();
    config["gateway"]["thread"] = 2;
    auto refusal = run_expecting_refusal("unknown-key", config);
    BOOST_TEST(!refusal.listened);
    BOOST_TEST(refusal.status == 78);
    BOOST_TEST(names_key(refusal, "gateway.thread"), refusal.log);
    BOOST_TEST(refusal.log.find("unknown key") != std::string::npos, refusal.log);
}

BOOST_AUTO_TEST_CASE(wrong_type_is_named) {
    auto config = demo_config();
    config["gateway"]["threads"] = "two";
    auto refusal = run_expecting_refusal("wrong-type", config);
    BOOST_TEST(!refusal.listened);
    BOOST_TEST(refusal.status == 78);
    BOOST_TEST(names_key(refusal, "gateway.threads"), refusal.log);
}

BOOST_AUTO_TEST_CASE(invalid_listen_from_environment_is_named) {
    auto refusal =
        run_expecting_refusal("bad-listen", demo_config(), {{"EHALL_LISTEN", "nonsense"}});
    BOOST_TEST(!refusal.listened);
    BOOST_TEST(refusal.status == 78);
    BOOST_TEST(names_key(refusal, "gateway.listen"), refusal.log);
}

BOOST_AUTO_TEST_CASE(unknown_plugin_config_key_is_named) {
    auto config = demo_config();
    config["plugins"]["config"]["billing"] = {{"colour", "red"}};
    auto refusal = run_expecting_refusal("plugin-key", config);
    BOOST_TEST(!refusal.listened);
    BOOST_TEST(refusal.status == 78);
    BOOST_TEST(names_key(refusal, "plugins.config.billing"), refusal.log);
    BOOST_TEST(refusal.log.find("colour") != std::string::npos, refusal.log);
}

BOOST_AUTO_TEST_CASE(production_refuses_the_demo_admin_token) {
    auto config = demo_config();
    config["mode"] = "production";
    auto refusal = run_expecting_refusal("production-demo-token", config,
                                         {{"EHALL_ADMIN_TOKEN", "demo-admin-token"}});
    BOOST_TEST(!refusal.listened);
    BOOST_TEST(refusal.status == 78);
    BOOST_TEST(names_key(refusal, "admin.token"), refusal.log);
}

BOOST_AUTO_TEST_SUITE_END()
