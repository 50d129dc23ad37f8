// The analyst pages and JSON over real HTTP: every route authenticated, login with CSRF and
// an HttpOnly SameSite=Strict cookie, the JSON equal to the CLI's, the CSV download, and SVG
// charts that carry the data points.
#include <boost/test/unit_test.hpp>

#include "tests/support/analytics_fixture.hpp"
#include "tests/support/demo_customer.hpp"
#include "tests/support/server_process.hpp"
#include "tests/support/test_database.hpp"

using namespace ehall::test;

namespace {

constexpr const char* analyst_token = "demo-analyst-token";

// A running demo gateway whose journal holds the fixture events.
struct AnalyticsServer {
    ServerProcess server{"analytics-pages"};
    AnalyticsServer() {
        BOOST_REQUIRE(server.start(demo_config()));
        const auto imported = run_ehall(
            server.data_environment(), "import events " + analytics_fixture("events.csv").string() +
                                           " --config " + (server.dir() / "config.json").string() +
                                           " --data-dir " + server.data_dir().string());
        BOOST_REQUIRE_MESSAGE(imported.status == 0, imported.output);
    }
};

std::string between(const std::string& text, const std::string& before, const std::string& after) {
    const auto start = text.find(before);
    if (start == std::string::npos)
        return {};
    const auto from = start + before.size();
    return text.substr(from, text.find(after, from) - from);
}

// The cookie pair ("name=value") of a Set-Cookie header.
std::string cookie_pair(const std::string& set_cookie) {
    return set_cookie.substr(0, set_cookie.find(';'));
}

// Logs in through the form; the session cookie pair.
std::string log_in(HttpClient& client) {
    const auto form = client.get("/analytics/login");
    const std::string csrf = between(form.body, "name=\"csrf\" value=\"", "\"");
    const auto result = client.request(http::verb::post, "/analytics/login",
                                       "csrf=" + csrf + "&token=" + analyst_token,
                                       {{"Content-Type", "application/x-www-form-urlencoded"},
                                        {"Cookie", cookie_pair(form.header("Set-Cookie"))}});
    BOOST_TEST(result.status == 303u);
    return cookie_pair(result.header("Set-Cookie"));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(analytics_pages)

BOOST_AUTO_TEST_CASE(every_route_needs_the_analyst) {
    AnalyticsServer s;
    HttpClient client(s.server.port());
    const std::string json_target = "/analytics/v1/reports/diversion?" + diversion_query;
    BOOST_TEST(client.get(json_target).status == 401u);
    BOOST_TEST(client.get(json_target, bearer("wrong-token")).status == 401u);
    BOOST_TEST(client.get(json_target, bearer(admin_token)).status == 401u);
    auto page = client.get("/analytics");
    BOOST_TEST(page.status == 303u);
    BOOST_TEST(page.header("Location") == "/analytics/login");
    BOOST_TEST(client.get("/analytics/csv/diversion?" + diversion_query).status == 303u);
    BOOST_TEST(
        client.get("/analytics", {{"Cookie", "ehall_analyst=" + std::string(64, 'a')}}).status ==
        303u);
}

BOOST_AUTO_TEST_CASE(login_checks_csrf_and_the_token_and_sets_a_strict_cookie) {
    AnalyticsServer s;
    HttpClient client(s.server.port());
    const auto form = client.get("/analytics/login");
    BOOST_TEST(form.status == 200u);
    const std::string csrf = between(form.body, "name=\"csrf\" value=\"", "\"");
    BOOST_REQUIRE_EQUAL(csrf.size(), 32u);
    const Headers with_cookie = {{"Content-Type", "application/x-www-form-urlencoded"},
                                 {"Cookie", cookie_pair(form.header("Set-Cookie"))}};
    const Headers without_cookie = {{"Content-Type", "application/x-www-form-urlencoded"}};
    auto no_csrf = client.request(http::verb::post, "/analytics/login",
                                  std::string("csrf=&token=") + analyst_token, with_cookie);
    BOOST_TEST(no_csrf.status == 403u);
    auto no_cookie = client.request(http::verb::post, "/analytics/login",
                                    "csrf=" + csrf + "&token=" + analyst_token, without_cookie);
    BOOST_TEST(no_cookie.status == 403u);
    auto wrong = client.request(http::verb::post, "/analytics/login",
                                "csrf=" + csrf + "&token=guess", with_cookie);
    BOOST_TEST(wrong.status == 401u);
    BOOST_TEST(wrong.header("Set-Cookie").find("ehall_analyst=") == std::string::npos);

    auto ok = client.request(http::verb::post, "/analytics/login",
                             "csrf=" + csrf + "&token=" + analyst_token, with_cookie);
    BOOST_TEST(ok.status == 303u);
    const std::string set_cookie = ok.header("Set-Cookie");
    BOOST_TEST(set_cookie.find("ehall_analyst=") == 0u, set_cookie);
    BOOST_TEST(set_cookie.find("HttpOnly") != std::string::npos, set_cookie);
    BOOST_TEST(set_cookie.find("SameSite=Strict") != std::string::npos, set_cookie);
    const Headers session = {{"Cookie", cookie_pair(set_cookie)}};
    const auto page = client.get("/analytics", session);
    BOOST_TEST(page.status == 200u);
    BOOST_TEST(page.header("Content-Security-Policy").find("script-src 'self'") !=
               std::string::npos);

    // Logging out needs the page's CSRF token; afterwards the cookie opens nothing.
    const std::string page_csrf = between(page.body, "name=\"csrf\" value=\"", "\"");
    Headers form_session = session;
    form_session.emplace_back("Content-Type", "application/x-www-form-urlencoded");
    BOOST_TEST(
        client.request(http::verb::post, "/analytics/logout", "csrf=x", form_session).status ==
        403u);
    BOOST_TEST(client.get("/analytics", session).status == 200u);
    BOOST_TEST(
        client.request(http::verb::post, "/analytics/logout", "csrf=" + page_csrf, form_session)
            .status == 303u);
    BOOST_TEST(client.get("/analytics", session).status == 303u);
}

BOOST_AUTO_TEST_CASE(json_equals_the_cli_and_bad_input_is_a_400) {
    AnalyticsServer s;
    HttpClient client(s.server.port());
    const auto http_json =
        client.get("/analytics/v1/reports/diversion?" + diversion_query, bearer(analyst_token));
    BOOST_TEST(http_json.status == 200u);
    const auto cli = run_ehall(s.server.data_environment(),
                               "report diversion --business payment --from hall --base "
                               "2026-03 --months 2026-04,2026-05 --format json --config " +
                                   (s.server.dir() / "config.json").string() + " --data-dir " +
                                   s.server.data_dir().string());
    BOOST_TEST(cli.status == 0, cli.output);
    BOOST_TEST(http_json.json() == nlohmann::json::parse(cli.output));
    BOOST_TEST(http_json.json()["target_size"] == 4);

    const auto share =
        client.get("/analytics/v1/reports/echannel-share?months=2026-05", bearer(analyst_token));
    BOOST_TEST(share.json()["months"][0]["total"] == 8);
    const auto bad = client.get("/analytics/v1/reports/diversion?business=payment&from=fax",
                                bearer(analyst_token));
    BOOST_TEST(bad.status == 400u);
    BOOST_TEST(bad.json()["code"] == "bad_request");
    BOOST_TEST(client.get("/analytics/v1/reports/parking", bearer(analyst_token)).status == 404u);
}

BOOST_AUTO_TEST_CASE(csv_download_and_svg_charts_carry_the_numbers) {
    AnalyticsServer s;
    HttpClient client(s.server.port());
    const auto csv =
        client.get("/analytics/csv/diversion?" + diversion_query, bearer(analyst_token));
    BOOST_TEST(csv.status == 200u);
    BOOST_TEST(csv.header("Content-Type").find("text/csv") == 0u);
    BOOST_TEST(csv.header("Content-Disposition").find("diversion.csv") != std::string::npos);
    BOOST_TEST(csv.body ==
               "month,diverted,rate,kiosk,mobile_pay,partner_hall,web\n"
               "2026-04,3,0.7500,0,0,0,1\n2026-05,3,0.7500,1,1,1,1\nconsecutive,2,0.5000,,,,\n");

    const std::string session = log_in(client);
    const auto page = client.get("/analytics?" + diversion_query, {{"Cookie", session}});
    BOOST_TEST(page.status == 200u);
    const std::string& html = page.body;
    // Diversion rate line: 75% in both months.
    const std::string diversion = between(html, "id=\"diversion\"", "</section>");
    BOOST_TEST(diversion.find("data-label=\"2026-04\" data-value=\"75.0\"") != std::string::npos,
               diversion);
    BOOST_TEST(diversion.find("data-label=\"2026-05\" data-value=\"75.0\"") != std::string::npos);
    BOOST_TEST(diversion.find("<td class=\"num\">75.0%</td>") != std::string::npos);
    // Bars for May: one customer each via kiosk, mobile_pay, partner_hall, web.
    const std::string bars = between(html, "id=\"by-channel\"", "</section>");
    for (const char* channel : {"kiosk", "mobile_pay", "partner_hall", "web"}) {
        const std::string point = std::string("data-label=\"") + channel + "\" data-value=\"1\"";
        BOOST_TEST(bars.find(point) != std::string::npos, channel);
    }
    // E-channel share of payments: April 1 of 2, May 5 of 7.
    const std::string share = between(html, "id=\"echannel-share\"", "</section>");
    BOOST_TEST(share.find("data-label=\"2026-04\" data-value=\"50.0\"") != std::string::npos);
    BOOST_TEST(share.find("data-label=\"2026-05\" data-value=\"71.4\"") != std::string::npos);
    BOOST_TEST(html.find("/analytics/csv/echannel-share?months=2026-04,2026-05&amp;business="
                         "payment") != std::string::npos);

    const auto bad = client.get("/analytics?months=2026-13", {{"Cookie", session}});
    BOOST_TEST(bad.status == 400u);
    BOOST_TEST(bad.body.find("2026-13") != std::string::npos);
    BOOST_TEST(bad.body.find("<svg") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(every_report_has_a_page_with_a_chart_and_its_csv) {
    AnalyticsServer s;
    HttpClient client(s.server.port());
    BOOST_TEST(client.get("/analytics/reports").status == 303u);
    BOOST_TEST(client.get("/analytics/reports/hotline").status == 303u);
    const Headers session = {{"Cookie", log_in(client)}};
    const auto list = client.get("/analytics/reports", session);
    BOOST_TEST(list.status == 200u);
    for (const char* name : {"diversion", "hotline", "active", "penetration", "echannel-share"})
        BOOST_TEST(list.body.find("/analytics/reports/" + std::string(name)) != std::string::npos,
                   name);
    // The form alone until asked, then the figures (the fixture's hotline case).
    const auto form = client.get("/analytics/reports/hotline", session);
    BOOST_TEST(form.status == 200u);
    BOOST_TEST(form.body.find("name=\"min-calls\"") != std::string::npos, form.body);
    BOOST_TEST(form.body.find("id=\"report\"") == std::string::npos);
    const auto page =
        client.get("/analytics/reports/hotline?base=2026-03&months=2026-04%2C2026-05", session);
    BOOST_TEST(page.status == 200u, page.body);
    BOOST_TEST(page.body.find("<svg") != std::string::npos);
    BOOST_TEST(page.body.find("class=\"bar\"") != std::string::npos, page.body);
    // Bars per month only: the rows after the months count other things.
    BOOST_TEST(page.body.find("data-label=\"2026-05\"") != std::string::npos, page.body);
    BOOST_TEST(page.body.find("data-label=\"consecutive\"") == std::string::npos, page.body);
    BOOST_TEST(page.body.find("<td>no_calls</td>") == std::string::npos);
    BOOST_TEST(page.body.find("<th>no_calls</th>") != std::string::npos, page.body);
    std::string csv_href = between(page.body, "id=\"csv\" href=\"", "\"");
    BOOST_REQUIRE(!csv_href.empty());
    for (auto at = csv_href.find("&amp;"); at != std::string::npos; at = csv_href.find("&amp;"))
        csv_href.replace(at, 5, "&");  // as the page's HTML escapes it
    const auto csv = client.get(csv_href, session);
    BOOST_TEST(csv.status == 200u, csv_href);
    BOOST_TEST(csv.body.rfind("month,no_calls,no_calls_rate", 0) == 0u, csv.body);
    // A misspelt option is refused naming it; markup in a value is escaped.
    const auto misspelt = client.get("/analytics/reports/hotline?min_calls=3", session);
    BOOST_TEST(misspelt.status == 400u);
    BOOST_TEST(misspelt.body.find("min_calls") != std::string::npos);
    const auto markup = client.get(
        "/analytics/reports/active?months=2026-04&brand=%3Cscript%3Ex%3C%2Fscript%3E", session);
    BOOST_TEST(markup.status == 200u);
    BOOST_TEST(markup.body.find("<script>x") == std::string::npos, markup.body);
    BOOST_TEST(client.get("/analytics/reports/parking", session).status == 404u);
}

BOOST_AUTO_TEST_SUITE_END()
