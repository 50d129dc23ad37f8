#include <boost/test/unit_test.hpp>

#include "gateway/config/config.hpp"

using ehall::ConfigError;
using ehall::parse_config;
using json = nlohmann::json;

namespace {

// The message of the ConfigError `document` + `env` raise, or "" when none.
std::string config_error(const json& document, const ehall::Environment& env = {}) {
    try {
        parse_config(document, env);
    } catch (const ConfigError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(config)

BOOST_AUTO_TEST_CASE(defaults_are_the_demo) {
    auto c = parse_config(json::object(), {});
    BOOST_TEST(c.demo());
    BOOST_TEST(c.gateway.host == "127.0.0.1");
    BOOST_TEST(c.gateway.port == 8080);
    BOOST_TEST(c.gateway.body_limit == 1024u * 1024u);
    BOOST_TEST(c.journal.flush_interval.count() == 100);
    BOOST_TEST(c.admin.token == "demo-admin-token");
    BOOST_TEST(c.gateway.threads >= 1u);
}

BOOST_AUTO_TEST_CASE(unknown_key_is_named) {
    BOOST_TEST(config_error({{"gateway", {{"thread", 2}}}}).find("'gateway.thread'") !=
               std::string::npos);
    BOOST_TEST(config_error({{"bogus", 1}}).find("'bogus': unknown key") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(wrong_type_is_named) {
    auto message = config_error({{"gateway", {{"threads", "two"}}}});
    BOOST_TEST(message.find("'gateway.threads'") != std::string::npos);
    BOOST_TEST(message.find("integer") != std::string::npos);
    BOOST_TEST(config_error({{"gateway", 5}}).find("'gateway'") != std::string::npos);
    BOOST_TEST(
        config_error({{"plugins", {{"modules", {"billing", 3}}}}}).find("'plugins.modules'") !=
        std::string::npos);
    BOOST_TEST(config_error({{"gateway", {{"access_log", "yes"}}}}).find("'gateway.access_log'") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(out_of_range_values_are_named) {
    BOOST_TEST(config_error({{"gateway", {{"body_limit_bytes", 10}}}})
                   .find("'gateway.body_limit_bytes'") != std::string::npos);
    BOOST_TEST(config_error({{"mode", "staging"}}).find("'mode'") != std::string::npos);
    BOOST_TEST(config_error({{"gateway", {{"listen", "localhost"}}}}).find("'gateway.listen'") !=
               std::string::npos);
    BOOST_TEST(
        config_error({{"gateway", {{"listen", "127.0.0.1:99999"}}}}).find("'gateway.listen'") !=
        std::string::npos);
}

BOOST_AUTO_TEST_CASE(environment_overrides_the_file) {
    auto c = parse_config({{"gateway", {{"listen", "127.0.0.1:8080"}, {"threads", 2}}}},
                          {{"EHALL_LISTEN", "0.0.0.0:9090"},
                           {"EHALL_DATA_DIR", "/tmp/x"},
                           {"EHALL_GATEWAY_THREADS", "3"},
                           {"EHALL_PLUGINS_MODULES", "billing,family"},
                           {"EHALL_ADMIN_TOKEN", "a-long-enough-admin-token"},
                           {"EHALL_SOMETHING_ELSE", "ignored"}});
    BOOST_TEST(c.gateway.host == "0.0.0.0");
    BOOST_TEST(c.gateway.port == 9090);
    BOOST_TEST(c.gateway.threads == 3u);
    BOOST_TEST(c.data_dir.string() == "/tmp/x");
    BOOST_TEST(c.admin.token == "a-long-enough-admin-token");
    BOOST_TEST((c.plugins.modules == std::vector<std::string>{"billing", "family"}));
}

BOOST_AUTO_TEST_CASE(bad_environment_value_is_named) {
    auto message = config_error(json::object(), {{"EHALL_GATEWAY_THREADS", "many"}});
    BOOST_TEST(message.find("'gateway.threads'") != std::string::npos);
    BOOST_TEST(message.find("EHALL_GATEWAY_THREADS") != std::string::npos);
    BOOST_TEST(
        config_error(json::object(), {{"EHALL_LISTEN", "nonsense"}}).find("'gateway.listen'") !=
        std::string::npos);
}

BOOST_AUTO_TEST_CASE(production_has_no_demo_tokens) {
    auto c = parse_config({{"mode", "production"}}, {});
    BOOST_TEST(c.admin.token.empty());
    BOOST_TEST(c.admin.analyst_token.empty());
    BOOST_TEST(config_error({{"mode", "production"}}, {{"EHALL_ADMIN_TOKEN", "demo-admin-token"}})
                   .find("'admin.token'") != std::string::npos);
    BOOST_TEST(config_error({{"mode", "production"}}, {{"EHALL_ADMIN_TOKEN", "short"}})
                   .find("at least 16") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(per_operation_timeouts) {
    auto c = parse_config({{"plugins",
                            {{"default_timeout_ms", 2000},
                             {"timeouts_ms", {{"billing", 3000}, {"billing.pay", 9000}}}}}},
                          {});
    BOOST_TEST(c.timeout_for("billing", "pay").count() == 9000);
    BOOST_TEST(c.timeout_for("billing", "balance").count() == 3000);
    BOOST_TEST(c.timeout_for("family", "open").count() == 2000);
    BOOST_TEST(config_error({{"plugins", {{"timeouts_ms", {{"billing.pay", 0}}}}}})
                   .find("'plugins.timeouts_ms.billing.pay'") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(kiosk_cash_caps) {
    auto defaults = parse_config(json::object(), {});
    BOOST_TEST(defaults.kiosk.cash_per_transaction_fen == 200000);
    BOOST_TEST(defaults.kiosk.cash_daily_fen == 5000000);
    auto c = parse_config({{"kiosk", {{"cash_per_transaction_fen", 10000}}}},
                          {{"EHALL_KIOSK_CASH_DAILY_FEN", "30000"}});
    BOOST_TEST(c.kiosk.cash_per_transaction_fen == 10000);
    BOOST_TEST(c.kiosk.cash_daily_fen == 30000);
    BOOST_TEST(config_error({{"kiosk", {{"cash_per_transaction_fen", 2000000}}}})
                   .find("'kiosk.cash_per_transaction_fen'") != std::string::npos);
    BOOST_TEST(
        config_error({{"kiosk", {{"cash_daily_fen", "lots"}}}}).find("'kiosk.cash_daily_fen'") !=
        std::string::npos);
    BOOST_TEST(
        config_error({{"kiosk", {{"cash_per_transaction_fen", 50000}, {"cash_daily_fen", 20000}}}})
            .find("'kiosk.cash_daily_fen': must be at least") != std::string::npos);
    BOOST_TEST(config_error({{"kiosk", {{"cash_cap_fen", 1}}}}).find("'kiosk.cash_cap_fen'") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(allowed_origins_are_checked_and_normalised) {
    auto c = parse_config({{"gateway", {{"allowed_origins", {"https://Hall.Example:443"}}}}}, {});
    BOOST_TEST(c.gateway.allowed_origins == std::vector<std::string>{"https://hall.example"});
    auto from_env = parse_config(json::object(), {{"EHALL_GATEWAY_ALLOWED_ORIGINS",
                                                   "http://a.example:8080,https://b.example"}});
    BOOST_TEST(from_env.gateway.allowed_origins ==
               (std::vector<std::string>{"http://a.example:8080", "https://b.example"}));
    for (const char* bad : {"hall.example", "https://hall.example/", "null", "ftp://hall.example",
                            "https://user@hall.example", "*"}) {
        BOOST_TEST(config_error({{"gateway", {{"allowed_origins", {bad}}}}})
                           .find("'gateway.allowed_origins'") != std::string::npos,
                   bad);
    }
}

BOOST_AUTO_TEST_CASE(the_shipped_config_is_valid) {
    auto c = ehall::load_config(EHALL_SOURCE_DIR "/config/ehall.json", {});
    BOOST_TEST(c.demo());
    BOOST_TEST(!c.plugins.modules.empty());
}

BOOST_AUTO_TEST_SUITE_END()
