// The analytics routes refuse query options a report does not take (a misspelt option
// must not silently give the report's defaults): 400 naming the option on the JSON route,
// the CSV download and the dashboard page alike.
#include <boost/test/unit_test.hpp>

#include "tests/support/demo_customer.hpp"
#include "tests/support/server_process.hpp"
#include "tests/support/test_database.hpp"

using namespace ehall::test;

namespace {

const Headers analyst = {{"Authorization", "Bearer demo-analyst-token"}};

}  // namespace

BOOST_AUTO_TEST_SUITE(analytics_options)

BOOST_AUTO_TEST_CASE(unknown_options_are_a_400_naming_them) {
    ServerProcess server("analytics-options");
    BOOST_REQUIRE(server.start(demo_config()));
    HttpClient client(server.port());

    BOOST_TEST(client.get("/analytics/v1/reports/diversion?" + diversion_query, analyst).status ==
               200u);
    // Empty pairs and a repeated option are not unknown options.
    BOOST_TEST(
        client.get("/analytics/v1/reports/echannel-share?months=2026-05&&", analyst).status ==
        200u);

    const auto misspelt =
        client.get("/analytics/v1/reports/diversion?" + diversion_query + "&min_level=5", analyst);
    BOOST_TEST(misspelt.status == 400u);
    const auto body = misspelt.json();
    BOOST_TEST(body["status"] == "error");
    BOOST_TEST(body["code"] == "bad_request");
    const std::string message = body["message"];
    BOOST_TEST(contains(message, "unknown option 'min_level'"), message);
    BOOST_TEST(contains(message, "min-level"), message);  // says what it takes

    // An option of another report is unknown to this one.
    const auto other =
        client.get("/analytics/v1/reports/echannel-share?months=2026-05&joined=2026-01", analyst);
    BOOST_TEST(other.status == 400u);
    BOOST_TEST(contains(other.json().value("message", ""), "'joined'"));

    const auto csv =
        client.get("/analytics/csv/echannel-share?months=2026-05&format=json", analyst);
    BOOST_TEST(csv.status == 400u);
    BOOST_TEST(contains(csv.body, "unknown option 'format'"), csv.body);
}

BOOST_AUTO_TEST_CASE(the_dashboard_refuses_them_too) {
    ServerProcess server("analytics-options-page");
    BOOST_REQUIRE(server.start(demo_config()));
    HttpClient client(server.port());
    const auto form = client.get("/analytics/login");
    const auto cookie = form.header("Set-Cookie").substr(0, form.header("Set-Cookie").find(';'));
    const std::string marker = "name=\"csrf\" value=\"";
    const auto at = form.body.find(marker) + marker.size();
    const std::string csrf = form.body.substr(at, form.body.find('"', at) - at);
    const auto signed_in = client.request(
        http::verb::post, "/analytics/login", "csrf=" + csrf + "&token=demo-analyst-token",
        {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", cookie}});
    BOOST_REQUIRE(signed_in.status == 303u);
    const Headers session = {
        {"Cookie",
         signed_in.header("Set-Cookie").substr(0, signed_in.header("Set-Cookie").find(';'))}};

    BOOST_TEST(client.get("/analytics?" + diversion_query, session).status == 200u);
    const auto refused =
        client.get("/analytics?" + diversion_query + "&%3Cb%3Ex%3C%2Fb%3E=1", session);
    BOOST_TEST(refused.status == 400u);
    BOOST_TEST(contains(refused.body, "unknown option"), refused.body);
    BOOST_TEST(contains(refused.body, "&lt;b&gt;x&lt;/b&gt;"));  // escaped, never markup
    BOOST_TEST(!contains(refused.body, "<b>x</b>"));
    BOOST_TEST(contains(refused.body, "name=\"business\""));  // the form is still there
}

BOOST_AUTO_TEST_SUITE_END()
