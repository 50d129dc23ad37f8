// Login with a one-time code by SMS over real HTTP: POST /api/v1/login/code queues the code
// in the SMS outbox (read back through the admin outbox route), the code logs in once,
// wrong and used codes are 401, strangers get the same answer and no text, and the login
// page's "send me a code" forms carry CSRF like the password form.
#include <boost/test/unit_test.hpp>

#include <regex>

#include "tests/support/demo_customer.hpp"
#include "tests/support/journal_reader.hpp"
#include "tests/support/page_browser.hpp"
#include "tests/support/server_process.hpp"

using namespace ehall::test;

namespace {

const Headers admin = {{"Authorization", "Bearer demo-admin-token"}};
const std::string stranger = "13700137000";

struct CodeServer {
    CodeServer() : server("code_login") {
        BOOST_REQUIRE(server.start(demo_config()));
        client.emplace(server.port());
    }
    ~CodeServer() {
        if (server.running())
            BOOST_TEST(server.stop() == 0);
    }

    // The queued texts for `msisdn`, newest first.
    std::vector<std::string> texts_to(const std::string& msisdn) {
        auto listed = client->get("/admin/v1/sms/outbox?limit=50", admin);
        BOOST_REQUIRE(listed.status == 200u);
        const auto body = listed.json();
        std::vector<std::string> texts;
        for (const auto& message : body["data"]["messages"]) {
            if (message["msisdn"] == msisdn)
                texts.push_back(message["text"]);
        }
        return texts;
    }
    // The code in the newest text to `msisdn`.
    std::string texted_code(const std::string& msisdn) {
        auto texts = texts_to(msisdn);
        BOOST_REQUIRE(!texts.empty());
        std::smatch match;
        BOOST_REQUIRE(std::regex_search(texts.front(), match, std::regex("验证码为([0-9]{6})")));
        return match[1].str();
    }
    HttpResult code_login(const std::string& msisdn, const std::string& code) {
        return client->post("/api/v1/login", {{"msisdn", msisdn}, {"code", code}});
    }

    ServerProcess server;
    std::optional<HttpClient> client;
};

std::string other_than(const std::string& code) {
    return code == "000000" ? "000001" : "000000";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(code_login)

BOOST_FIXTURE_TEST_CASE(a_texted_code_logs_in_once, CodeServer) {
    auto& c = *client;
    auto sent = c.post("/api/v1/login/code", {{"msisdn", demo_msisdn}});
    BOOST_TEST(sent.status == 200u);
    BOOST_TEST(sent.json()["status"] == "ok");
    BOOST_TEST(sent.json()["code"] == "ok");
    BOOST_TEST(sent.json()["data"]["expires_in"] == 300);
    auto texts = texts_to(demo_msisdn);
    BOOST_REQUIRE(texts.size() == 1u);
    BOOST_TEST(texts.front().starts_with("【中国移动】您的网上营业厅登录验证码为"), texts.front());
    const std::string code = texted_code(demo_msisdn);

    auto wrong = code_login(demo_msisdn, other_than(code));
    BOOST_TEST(wrong.status == 401u);
    BOOST_TEST(wrong.json()["code"] == "code_invalid");

    auto right = code_login(demo_msisdn, code);
    BOOST_TEST(right.status == 200u, right.body);
    const std::string token = right.json()["data"].value("token", "");
    BOOST_REQUIRE(!token.empty());
    BOOST_TEST(!right.json()["data"].value("csrf_token", "").empty());
    const auto cookie = right.header("Set-Cookie");
    BOOST_TEST(cookie.starts_with("ehall_session=" + token), cookie);
    BOOST_TEST(cookie.find("HttpOnly") != std::string::npos, cookie);
    auto balance = c.post("/api/v1/services/billing/balance", {}, bearer(token));
    BOOST_TEST(balance.json()["data"]["balance_fen"] == 5860);

    auto again = code_login(demo_msisdn, code);
    BOOST_TEST(again.status == 401u);
    BOOST_TEST(again.json()["code"] == "code_expired");
    // The password login is unchanged beside it.
    BOOST_TEST(login(c, demo_msisdn, demo_password).status == 200u);

    BOOST_TEST(server.stop() == 0);
    std::vector<std::string> journaled;
    for (const auto& row : read_interactions(server)) {
        if (row["plugin"] == "session" && row["channel"] == "web" && row["msisdn"] == demo_msisdn)
            journaled.push_back(row["operation"].get<std::string>() + ":" +
                                row["code"].get<std::string>());
    }
    const std::vector<std::string> expected = {"send_code:ok", "code_login:code_invalid",
                                               "code_login:ok", "code_login:code_expired",
                                               "login:ok"};
    BOOST_TEST(journaled == expected, boost::test_tools::per_element());
}

BOOST_FIXTURE_TEST_CASE(strangers_get_the_same_answer_and_no_text, CodeServer) {
    auto& c = *client;
    auto customer = c.post("/api/v1/login/code", {{"msisdn", demo_msisdn}});
    auto nobody = c.post("/api/v1/login/code", {{"msisdn", stranger}});
    BOOST_TEST(nobody.status == customer.status);
    BOOST_TEST(nobody.json() == customer.json());
    BOOST_TEST(texts_to(stranger).empty());
    BOOST_TEST(code_login(stranger, "123456").status == 401u);

    // One code a minute per number, the same for both.
    for (const auto& msisdn : {std::string(demo_msisdn), stranger}) {
        auto soon = c.post("/api/v1/login/code", {{"msisdn", msisdn}});
        BOOST_TEST(soon.status == 429u, msisdn);
        BOOST_TEST(soon.json()["code"] == "rate_limited");
    }
    BOOST_TEST(texts_to(demo_msisdn).size() == 1u);
    BOOST_TEST(c.post("/api/v1/login/code", {{"msisdn", "12345"}}).status == 400u);
    BOOST_TEST(code_login(demo_msisdn, "12ab56").status == 400u);
}

BOOST_FIXTURE_TEST_CASE(wrong_codes_lock_the_number_like_wrong_passwords, CodeServer) {
    auto& c = *client;
    BOOST_TEST(c.post("/api/v1/login/code", {{"msisdn", other_msisdn}}).status == 200u);
    const std::string code = texted_code(other_msisdn);
    for (int attempt = 1; attempt <= 4; ++attempt)
        BOOST_TEST(code_login(other_msisdn, other_than(code)).status == 401u, attempt);
    auto fifth = code_login(other_msisdn, other_than(code));
    BOOST_TEST(fifth.status == 403u);
    BOOST_TEST(fifth.json()["code"] == "locked");
    BOOST_TEST(code_login(other_msisdn, code).json()["code"] == "locked");
    BOOST_TEST(login(c, other_msisdn, other_password).json()["code"] == "locked");
}

BOOST_AUTO_TEST_CASE(an_address_is_rationed_across_numbers) {
    auto config = demo_config();
    config["web"] = {{"login_code_per_address_per_min", 2}};
    ServerProcess server("code_login_per_address");
    BOOST_REQUIRE(server.start(config));
    HttpClient client(server.port());
    BOOST_TEST(client.post("/api/v1/login/code", {{"msisdn", demo_msisdn}}).status == 200u);
    BOOST_TEST(client.post("/api/v1/login/code", {{"msisdn", other_msisdn}}).status == 200u);
    auto third = client.post("/api/v1/login/code", {{"msisdn", stranger}});
    BOOST_TEST(third.status == 429u);
    BOOST_TEST(third.json()["code"] == "rate_limited");
}

BOOST_FIXTURE_TEST_CASE(the_login_page_sends_a_code_and_logs_in_with_it, CodeServer) {
    PageBrowser b(server.port());
    auto form = b.get("/login");
    BOOST_TEST(form.body.find("action=\"/login/code\"") != std::string::npos);
    auto forged = b.post_form("/login/code", {{"csrf", "wrong"}, {"msisdn", demo_msisdn}});
    BOOST_TEST(forged.status == 403u);
    BOOST_TEST(texts_to(demo_msisdn).empty());

    // Every answer carries a fresh form token.
    auto sent = b.post_form("/login/code",
                            {{"csrf", hidden_value(forged.body, "csrf")}, {"msisdn", demo_msisdn}});
    BOOST_TEST(sent.status == 200u);
    BOOST_TEST(sent.body.find("验证码已通过短信发送") != std::string::npos);
    BOOST_TEST(sent.body.find("name=\"code\"") != std::string::npos);
    const std::string code = texted_code(demo_msisdn);

    const std::string next_csrf = hidden_value(sent.body, "csrf");
    auto wrong = b.post_form(
        "/login", {{"csrf", next_csrf}, {"msisdn", demo_msisdn}, {"code", other_than(code)}});
    BOOST_TEST(wrong.status == 401u);
    BOOST_TEST(wrong.body.find("验证码错误") != std::string::npos);
    auto right = b.post_form(
        "/login",
        {{"csrf", hidden_value(wrong.body, "csrf")}, {"msisdn", demo_msisdn}, {"code", code}});
    BOOST_TEST(right.status == 303u);
    BOOST_TEST(!set_cookie_for(right, "ehall_session").empty());
    BOOST_TEST(b.get("/").status == 200u);
}

BOOST_AUTO_TEST_SUITE_END()
