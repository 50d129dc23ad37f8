// CrossSiteChecks and the origins it compares (gateway/http): which Content-Types a JSON route
// takes, and which Origin headers a cookie route takes.
#include <boost/test/unit_test.hpp>

#include "gateway/base/origin.hpp"
#include "gateway/http/cross_site_checks.hpp"
#include "gateway/http/request_origin.hpp"

using namespace ehall;

namespace {

Exchange request(std::string body, std::vector<std::pair<std::string, std::string>> headers) {
    Exchange exchange;
    exchange.request.method(http::verb::post);
    exchange.request.target("/api/v1/login");
    exchange.request.set(http::field::host, "hall.example:8080");
    for (const auto& [name, value] : headers)
        exchange.request.set(name, value);
    exchange.request.body() = std::move(body);
    return exchange;
}

// The refusal's status, 0 when the request may go on.
unsigned refused(const CrossSiteChecks& checks, const Exchange& exchange, RouteRules rules) {
    auto refusal = checks.refusal(exchange, rules);
    return refusal ? refusal->result_int() : 0u;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cross_site_checks)

BOOST_AUTO_TEST_CASE(origins_are_normalised) {
    BOOST_TEST(*normalised_origin("HTTPS://Hall.Example:443") == "https://hall.example");
    BOOST_TEST(*normalised_origin("http://hall.example:80") == "http://hall.example");
    BOOST_TEST(*normalised_origin("http://hall.example:443") == "http://hall.example:443");
    BOOST_TEST(*normalised_origin("http://127.0.0.1:8080") == "http://127.0.0.1:8080");
    BOOST_TEST(*normalised_origin("http://[::1]:8080") == "http://[::1]:8080");
    BOOST_TEST(*normalised_origin("http://[::1]") == "http://[::1]");
    for (const char* bad :
         {"null", "", "hall.example", "https://", "https://hall.example/",
          "https://hall.example:", "https://hall.example:80a", "https://u@hall.example",
          "ftp://hall.example", "https://hall example", "https://hall.example:123456"}) {
        BOOST_TEST(!normalised_origin(bad), bad);
    }
}

BOOST_AUTO_TEST_CASE(own_origin_is_the_host_over_the_scheme_a_proxy_reports) {
    BOOST_TEST(*own_origin(request("", {})) == "http://hall.example:8080");
    BOOST_TEST(*own_origin(request("", {{"X-Forwarded-Proto", "HTTPS"}})) ==
               "https://hall.example:8080");
    Exchange no_host = request("", {});
    no_host.request.erase(http::field::host);
    BOOST_TEST(!own_origin(no_host));
}

BOOST_AUTO_TEST_CASE(json_routes_take_bodies_only_as_json) {
    const CrossSiteChecks checks({});
    const std::string body = R"({"msisdn":"13800138000"})";
    for (const char* type : {"application/json", "application/json; charset=utf-8",
                             "Application/JSON;charset=UTF-8", " application/json "}) {
        BOOST_TEST(refused(checks, request(body, {{"Content-Type", type}}), {}) == 0u, type);
    }
    for (const char* type :
         {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
          "application/jsonp", "application/json-patch+json", "text/json"}) {
        BOOST_TEST(refused(checks, request(body, {{"Content-Type", type}}), {}) == 415u, type);
    }
    BOOST_TEST(refused(checks, request(body, {}), {}) == 415u);
    BOOST_TEST(refused(checks, request(" ", {}), {}) == 415u);  // a body, however blank
    BOOST_TEST(refused(checks, request("", {}), {}) == 0u);     // none: nothing to smuggle
    BOOST_TEST(refused(checks, request(body, {{"Content-Type", "text/plain"}}), form_route) == 0u);
    Exchange get = request(body, {{"Content-Type", "text/plain"}});
    get.request.method(http::verb::get);  // its body is never read
    BOOST_TEST(refused(checks, get, {}) == 0u);

    auto refusal = checks.refusal(request(body, {{"Content-Type", "text/plain"}}), {});
    const auto answer = nlohmann::json::parse(refusal->body());
    BOOST_TEST(answer["status"] == "error");
    BOOST_TEST(answer["code"] == "unsupported_media_type");
    BOOST_TEST(!answer.value("message", "").empty());
}

BOOST_AUTO_TEST_CASE(cookie_routes_take_their_own_and_configured_origins) {
    const CrossSiteChecks checks({"https://partner.example"});
    auto from = [](const char* origin) { return request("", {{"Origin", origin}}); };
    BOOST_TEST(refused(checks, request("", {}), cookie_json_route) == 0u);
    BOOST_TEST(refused(checks, from("http://hall.example:8080"), cookie_json_route) == 0u);
    BOOST_TEST(refused(checks, from("HTTP://HALL.EXAMPLE:8080"), cookie_json_route) == 0u);
    BOOST_TEST(refused(checks, from("https://partner.example"), cookie_form_route) == 0u);
    BOOST_TEST(refused(checks, from("https://partner.example:443"), cookie_form_route) == 0u);
    for (const char* foreign :
         {"https://evil.example", "null", "http://hall.example", "https://hall.example:8080",
          "http://hall.example:8080.evil", "http://partner.example", "garbage"}) {
        BOOST_TEST(refused(checks, from(foreign), cookie_json_route) == 403u, foreign);
        BOOST_TEST(refused(checks, from(foreign), {}) == 0u, foreign);  // sets no cookie
    }
}

BOOST_AUTO_TEST_SUITE_END()
