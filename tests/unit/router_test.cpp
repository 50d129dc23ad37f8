#include <boost/test/unit_test.hpp>

#include "gateway/http/router.hpp"

using namespace ehall;

BOOST_AUTO_TEST_SUITE(router)

BOOST_AUTO_TEST_CASE(captures_segments_and_tells_wrong_methods) {
    Router router;
    int called = 0;
    router.add(http::verb::post, "/api/v1/services/{plugin}/{operation}",
               [&](const Exchange&, Reply) { ++called; });
    router.add(http::verb::get, "/healthz", [](const Exchange&, Reply) {});
    std::map<std::string, std::string, std::less<>> params;

    auto match = router.match(http::verb::post, "/api/v1/services/billing/balance", params);
    BOOST_REQUIRE(match.handler);
    BOOST_TEST(*match.route == "/api/v1/services/{plugin}/{operation}");
    BOOST_TEST(params["plugin"] == "billing");
    BOOST_TEST(params["operation"] == "balance");

    BOOST_TEST(
        router.match(http::verb::get, "/api/v1/services/billing/balance", params).wrong_method);
    BOOST_TEST(!router.match(http::verb::post, "/api/v1/services/billing", params).handler);
    BOOST_TEST(!router.match(http::verb::post, "/api/v1/services//balance", params).handler);
    BOOST_TEST(
        !router.match(http::verb::post, "/api/v1/services/billing/balance/x", params).handler);
    BOOST_TEST(!router.match(http::verb::get, "healthz", params).handler);
    BOOST_TEST(!router.match(http::verb::get, "/healthz", params).wrong_method);
}

BOOST_AUTO_TEST_CASE(a_match_carries_its_routes_rules) {
    Router router;
    router.add(
        http::verb::post, "/api/v1/login", [](const Exchange&, Reply) {}, cookie_json_route);
    router.add(
        http::verb::post, "/login", [](const Exchange&, Reply) {}, cookie_form_route);
    router.add(http::verb::post, "/api/v1/logout", [](const Exchange&, Reply) {});
    std::map<std::string, std::string, std::less<>> params;

    auto api = router.match(http::verb::post, "/api/v1/login", params);
    BOOST_REQUIRE(api.rules);
    BOOST_TEST((api.rules->body == RouteRules::Body::json && api.rules->sets_cookie));
    auto page = router.match(http::verb::post, "/login", params);
    BOOST_TEST((page.rules->body == RouteRules::Body::any && page.rules->sets_cookie));
    auto plain = router.match(http::verb::post, "/api/v1/logout", params);
    BOOST_TEST((plain.rules->body == RouteRules::Body::json && !plain.rules->sets_cookie));
}

BOOST_AUTO_TEST_SUITE_END()
