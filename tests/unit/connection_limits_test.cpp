// The slow- and idle-client limits: their config keys and the per-IP connection count.
#include <boost/test/unit_test.hpp>

#include "gateway/config/config.hpp"
#include "gateway/http/session_registry.hpp"

using ehall::ConfigError;
using ehall::parse_config;
using ehall::SessionRegistry;
using json = nlohmann::json;

BOOST_AUTO_TEST_SUITE(connection_limits)

BOOST_AUTO_TEST_CASE(config_keys_with_defaults_and_environment) {
    auto defaults = parse_config(json::object(), {});
    BOOST_TEST(defaults.gateway.idle_timeout.count() == 15000);
    BOOST_TEST(defaults.gateway.max_connections_per_ip == 256u);
    auto set =
        parse_config({{"gateway", {{"idle_timeout_ms", 500}, {"max_connections_per_ip", 0}}}},
                     {{"EHALL_GATEWAY_MAX_CONNECTIONS_PER_IP", "6000"}});
    BOOST_TEST(set.gateway.idle_timeout.count() == 500);
    BOOST_TEST(set.gateway.max_connections_per_ip == 6000u);
    BOOST_CHECK_THROW(parse_config({{"gateway", {{"idle_timeout_ms", 10}}}}, {}), ConfigError);
    BOOST_CHECK_THROW(parse_config({{"gateway", {{"max_connections_per_ip", "many"}}}}, {}),
                      ConfigError);
}

BOOST_AUTO_TEST_CASE(per_address_cap) {
    SessionRegistry registry(2);
    BOOST_TEST(registry.admit("10.0.0.1"));
    BOOST_TEST(registry.admit("10.0.0.1"));
    BOOST_TEST(!registry.admit("10.0.0.1"));
    BOOST_TEST(registry.admit("10.0.0.2"));  // another address has its own count
    registry.release("10.0.0.1");
    BOOST_TEST(registry.admit("10.0.0.1"));
    BOOST_TEST(!registry.admit("10.0.0.1"));
}

BOOST_AUTO_TEST_CASE(zero_means_no_cap) {
    SessionRegistry registry(0);
    for (int i = 0; i < 10000; ++i)
        BOOST_TEST_REQUIRE(registry.admit("127.0.0.1"));
}

BOOST_AUTO_TEST_SUITE_END()
