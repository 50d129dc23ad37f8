// Web login: tokens, the session cookie and its CSRF rule, lockout, logout (DESIGN §6).
#include <boost/test/unit_test.hpp>

#include "tests/support/demo_customer.hpp"
#include "tests/support/server_process.hpp"

using namespace ehall::test;

namespace {

const std::string balance_path = "/api/v1/services/billing/balance";

struct RunningServer {
    RunningServer() : server("login") {
        BOOST_REQUIRE(server.start(demo_config()));
        client.emplace(server.port());
    }
    ~RunningServer() { BOOST_TEST(server.stop() == 0); }

    ServerProcess server;
    std::optional<HttpClient> client;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(login)

BOOST_FIXTURE_TEST_CASE(right_password_gives_a_working_token, RunningServer) {
    auto& c = *client;
    auto result = ehall::test::login(c, demo_msisdn, demo_password);
    BOOST_TEST(result.status == 200u);
    auto body = result.json();
    BOOST_TEST(body["status"] == "ok");
    BOOST_TEST(body["code"] == "ok");
    const std::string token = body["data"].value("token", "");
    BOOST_REQUIRE(!token.empty());
    BOOST_TEST(!body["data"].value("csrf_token", "").empty());
    const auto cookie = result.header("Set-Cookie");
    BOOST_TEST(cookie.starts_with("ehall_session=" + token), cookie);
    BOOST_TEST(cookie.find("HttpOnly") != std::string::npos, cookie);
    BOOST_TEST(cookie.find("SameSite=Lax") != std::string::npos, cookie);

    auto balance = c.post(balance_path, {}, bearer(token));
    BOOST_TEST(balance.status == 200u);
    BOOST_TEST(balance.json()["data"]["balance_fen"] == 5860);
    auto bill = c.post("/api/v1/services/billing/bill", {}, bearer(token));
    BOOST_TEST(bill.json()["data"]["due_fen"] == 12850);
    BOOST_TEST(c.post(balance_path, {}, bearer("not-a-token")).status == 401u);
}

BOOST_FIXTURE_TEST_CASE(wrong_password_then_lockout, RunningServer) {
    auto& c = *client;
    for (int attempt = 1; attempt <= 4; ++attempt) {
        auto wrong = ehall::test::login(c, other_msisdn, "000000");
        BOOST_TEST(wrong.status == 401u, "attempt " << attempt);
        BOOST_TEST(wrong.json()["code"] == "unauthenticated");
    }
    auto fifth = ehall::test::login(c, other_msisdn, "000000");
    BOOST_TEST(fifth.status == 403u);
    BOOST_TEST(fifth.json()["code"] == "locked");
    auto right = ehall::test::login(c, other_msisdn, other_password);
    BOOST_TEST(right.status == 403u);
    BOOST_TEST(right.json()["code"] == "locked");
    BOOST_TEST(!right.json().contains("data"));
    // The lockout is per number: the other demo customer still logs in.
    BOOST_TEST(ehall::test::login(c, demo_msisdn, demo_password).status == 200u);
}

BOOST_FIXTURE_TEST_CASE(cookie_needs_the_csrf_header, RunningServer) {
    auto& c = *client;
    auto data = ehall::test::login(c, demo_msisdn, demo_password).json()["data"];
    const std::string token = data["token"];
    const std::string csrf = data["csrf_token"];
    const Headers cookie = {{"Cookie", "ehall_session=" + token}};

    auto without = c.post(balance_path, {}, cookie);
    BOOST_TEST(without.status == 403u);
    BOOST_TEST(without.json()["code"] == "forbidden");
    auto wrong_headers = cookie;
    wrong_headers.emplace_back("X-CSRF-Token", csrf + "x");
    auto wrong = c.post(balance_path, {}, wrong_headers);
    BOOST_TEST(wrong.status == 403u);
    BOOST_TEST(wrong.json()["code"] == "forbidden");
    auto right_headers = cookie;
    right_headers.emplace_back("X-CSRF-Token", csrf);
    auto right = c.post(balance_path, {}, right_headers);
    BOOST_TEST(right.status == 200u);
    BOOST_TEST(right.json()["data"]["balance_fen"] == 5860);
}

BOOST_FIXTURE_TEST_CASE(logout_ends_the_session, RunningServer) {
    auto& c = *client;
    const auto token = demo_token(c);
    BOOST_REQUIRE(!token.empty());
    BOOST_TEST(c.post(balance_path, {}, bearer(token)).status == 200u);
    auto logout = c.post("/api/v1/logout", {}, bearer(token));
    BOOST_TEST(logout.status == 200u);
    auto after = c.post(balance_path, {}, bearer(token));
    BOOST_TEST(after.status == 401u);
    BOOST_TEST(after.json()["code"] == "unauthenticated");
    BOOST_TEST(c.post("/api/v1/logout", {}, bearer(token)).status == 401u);
}

BOOST_AUTO_TEST_SUITE_END()
