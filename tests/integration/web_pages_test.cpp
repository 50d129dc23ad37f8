// The online hall's pages over HTTP (DESIGN §6): login, home, operation forms, results,
// my records and logout; CSRF on every form, lockout, idle expiry, escaping of echoed input.
#include <boost/test/unit_test.hpp>
#include <thread>

#include "tests/support/demo_customer.hpp"
#include "tests/support/journal_reader.hpp"
#include "tests/support/page_browser.hpp"
#include "tests/support/server_process.hpp"

using namespace ehall::test;

namespace {

const std::vector<std::string> all_plugins = {"billing", "family", "points"};

struct HallServer {
    explicit HallServer(nlohmann::json config = demo_config(all_plugins)) : server("web_pages") {
        BOOST_REQUIRE(server.start(config));
        browser.emplace(server.port());
    }
    ~HallServer() {
        if (server.running())
            BOOST_TEST(server.stop() == 0);
    }

    ServerProcess server;
    std::optional<PageBrowser> browser;
};

// GET /login, then POST it with the form's token; the POST's result.
HttpResult log_in(PageBrowser& browser, const std::string& msisdn, const std::string& password,
                  const Headers& headers = {}) {
    auto form = browser.get("/login", headers);
    BOOST_REQUIRE(form.status == 200u);
    const std::string csrf = hidden_value(form.body, "csrf");
    BOOST_REQUIRE(!csrf.empty());
    return browser.post_form("/login", {{"csrf", csrf}, {"msisdn", msisdn}, {"password", password}},
                             headers);
}

// The session's CSRF token, as every logged-in page's logout form carries it.
std::string page_csrf(PageBrowser& browser) {
    auto home = browser.get("/");
    BOOST_REQUIRE(home.status == 200u);
    return hidden_value(home.body, "csrf");
}

std::int64_t balance_fen(std::uint16_t port) {
    HttpClient api(port);
    auto token = demo_token(api);
    return api.post("/api/v1/services/billing/balance", {}, bearer(token))
        .json()["data"]["balance_fen"]
        .get<std::int64_t>();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(web_pages)

BOOST_FIXTURE_TEST_CASE(login_shows_the_home_page, HallServer) {
    auto& b = *browser;
    BOOST_TEST(b.get("/").status == 303u);
    BOOST_TEST(b.get("/").header("Location") == "/login");
    auto form = b.get("/login");
    BOOST_TEST(form.header("Content-Type") == "text/html; charset=utf-8");
    BOOST_TEST(contains(form.header("Content-Security-Policy"), "frame-ancestors 'none'"));
    BOOST_TEST(contains(set_cookie_for(form, "ehall_login_csrf"), "HttpOnly"));

    auto logged_in = log_in(b, demo_msisdn, demo_password);
    BOOST_TEST(logged_in.status == 303u);
    BOOST_TEST(logged_in.header("Location") == "/");
    const auto cookie = set_cookie_for(logged_in, "ehall_session");
    BOOST_TEST(contains(cookie, "HttpOnly"), cookie);
    BOOST_TEST(contains(cookie, "SameSite=Lax"), cookie);
    BOOST_TEST(!contains(cookie, "Secure"), cookie);

    auto home = b.get("/");
    BOOST_TEST(home.status == 200u);
    for (const char* shown : {"张*", "138****8000", "全球通", ">58.60<", ">128.50<", ">12000<",
                              ">300<", "/services/billing/pay", "/services/family/open",
                              "/services/points/redeem", "/records"}) {
        BOOST_TEST(contains(home.body, shown), "home page shows " << shown);
    }
    BOOST_TEST(!contains(home.body, "张三"), "the full name is masked");
}

// The home banner is the web_home slot's content: one form per action of the placing plugin
// (the offers plugin), and offers' contextual operations are no tiles.
BOOST_AUTO_TEST_CASE(the_home_banner_shows_the_placed_content_with_its_actions) {
    HallServer hall(demo_config({"billing", "family", "points", "offers"}));
    auto& b = *hall.browser;
    BOOST_REQUIRE(log_in(b, demo_msisdn, demo_password).status == 303u);
    auto home = b.get("/");
    BOOST_TEST(home.status == 200u);
    BOOST_TEST(contains(home.body, "id=\"offer-banner\""), home.body);
    BOOST_TEST(contains(home.body, "action=\"/services/offers/accept\""), home.body);
    BOOST_TEST(contains(home.body, "action=\"/services/offers/dismiss\""), home.body);
    BOOST_TEST(contains(home.body, "name=\"offer\" value=\"LD12593\""), home.body);
    BOOST_TEST(contains(home.body, "href=\"/services/offers/list\""));  // a tile
    BOOST_TEST(!contains(home.body, "href=\"/services/offers/accept\""));
    BOOST_TEST(!contains(home.body, "href=\"/services/offers/view\""));
    BOOST_TEST(contains(home.body, "电子币"));
}

BOOST_FIXTURE_TEST_CASE(session_cookie_is_secure_behind_tls, HallServer) {
    const Headers tls = {{"X-Forwarded-Proto", "https"}};
    auto logged_in = log_in(*browser, demo_msisdn, demo_password, tls);
    BOOST_TEST(logged_in.status == 303u);
    BOOST_TEST(contains(set_cookie_for(logged_in, "ehall_session"), "; Secure"));
}

BOOST_FIXTURE_TEST_CASE(forms_without_the_right_csrf_token_are_refused, HallServer) {
    auto& b = *browser;
    // Login: no token, a wrong token, and no login cookie at all.
    b.get("/login");
    const FormData credentials = {{"msisdn", demo_msisdn}, {"password", demo_password}};
    auto missing = b.post_form("/login", credentials);
    BOOST_TEST(missing.status == 403u);
    BOOST_TEST(set_cookie_for(missing, "ehall_session").empty());
    auto wrong = credentials;
    wrong.emplace_back("csrf", "0123456789abcdef0123456789abcdef");
    BOOST_TEST(b.post_form("/login", wrong).status == 403u);
    PageBrowser fresh(server.port());
    BOOST_TEST(fresh.post_form("/login", wrong).status == 403u);
    BOOST_TEST(b.cookies().count("ehall_session") == 0u);

    BOOST_REQUIRE(log_in(b, demo_msisdn, demo_password).status == 303u);
    const std::string csrf = page_csrf(b);
    const FormData pay = {
        {"amount_fen", "1000"}, {"method", "card"}, {"idempotency_key", "csrf-test-key-1"}};
    auto no_token = b.post_form("/services/billing/pay", pay);
    BOOST_TEST(no_token.status == 403u);
    auto bad_token = pay;
    bad_token.emplace_back("csrf", csrf + "0");
    BOOST_TEST(b.post_form("/services/billing/pay", bad_token).status == 403u);
    BOOST_TEST(b.post_form("/logout", {{"csrf", "nope"}}).status == 403u);
    BOOST_TEST(b.get("/").status == 200u, "a refused logout leaves the session alone");
    BOOST_TEST(balance_fen(server.port()) == 5860, "a refused form pays nothing");
    BOOST_TEST(server.stop() == 0);
    for (const auto& row : read_interactions(server))
        BOOST_TEST(row["operation"] != "pay", "a refused form reached billing: " << row.dump());
}

BOOST_FIXTURE_TEST_CASE(wrong_passwords_lock_the_number_and_are_journaled, HallServer) {
    auto& b = *browser;
    for (int attempt = 1; attempt <= 4; ++attempt) {
        auto wrong = log_in(b, other_msisdn, "000000");
        BOOST_TEST(wrong.status == 401u, "attempt " << attempt);
        BOOST_TEST(contains(wrong.body, "手机号码或服务密码错误"));
        BOOST_TEST(contains(wrong.body, std::string("value=\"") + other_msisdn + "\""),
                   "the number is kept in the form");
    }
    auto fifth = log_in(b, other_msisdn, "000000");
    BOOST_TEST(fifth.status == 403u);
    BOOST_TEST(contains(fifth.body, "已暂时锁定"));
    auto right = log_in(b, other_msisdn, other_password);
    BOOST_TEST(right.status == 403u);
    BOOST_TEST(set_cookie_for(right, "ehall_session").empty());
    BOOST_TEST(b.get("/").status == 303u);
    // Locked on every channel: the JSON API refuses the right password too.
    HttpClient api(server.port());
    BOOST_TEST(login(api, other_msisdn, other_password).json()["code"] == "locked");

    BOOST_TEST(server.stop() == 0);
    std::vector<std::string> codes;
    for (const auto& row : read_interactions(server)) {
        if (row["plugin"] == "session" && row["operation"] == "login" && row["channel"] == "web") {
            BOOST_TEST(row["msisdn"] == other_msisdn);
            codes.push_back(row["code"]);
        }
    }
    const std::vector<std::string> expected = {
        "unauthenticated", "unauthenticated", "unauthenticated", "unauthenticated",
        "locked",          "locked",          "locked"};
    BOOST_TEST(codes == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(idle_sessions_expire) {
    auto config = demo_config(all_plugins);
    config["web"] = {{"session_idle_seconds", 2}};
    HallServer hall(config);
    auto& b = *hall.browser;
    auto logged_in = log_in(b, demo_msisdn, demo_password);
    // The browser keeps the cookie while it runs; the server ends the idle session.
    BOOST_TEST(!contains(set_cookie_for(logged_in, "ehall_session"), "Max-Age"));
    BOOST_TEST(b.get("/").status == 200u);
    std::this_thread::sleep_for(std::chrono::milliseconds(1200));
    BOOST_TEST(b.get("/records").status == 200u, "using the session extends it");
    std::this_thread::sleep_for(std::chrono::milliseconds(2500));
    auto expired = b.get("/");
    BOOST_TEST(expired.status == 303u);
    BOOST_TEST(expired.header("Location") == "/login");
}

BOOST_FIXTURE_TEST_CASE(logout_ends_the_session, HallServer) {
    auto& b = *browser;
    BOOST_REQUIRE(log_in(b, demo_msisdn, demo_password).status == 303u);
    const std::string old_session = b.cookies().at("ehall_session");
    const std::string csrf = page_csrf(b);
    auto out = b.post_form("/logout", {{"csrf", csrf}});
    BOOST_TEST(out.status == 303u);
    BOOST_TEST(out.header("Location") == "/login?bye=1");
    BOOST_TEST(contains(set_cookie_for(out, "ehall_session"), "Max-Age=0"));
    BOOST_TEST(contains(b.get("/login?bye=1").body, "您已安全退出"));

    // The old cookie, replayed, opens nothing: pages, forms or the JSON API.
    b.set_cookie("ehall_session", old_session);
    BOOST_TEST(b.get("/").status == 303u);
    auto pay = b.post_form("/services/billing/pay", {{"csrf", csrf}, {"amount_fen", "100"}});
    BOOST_TEST(pay.status == 303u);
    BOOST_TEST(pay.header("Location") == "/login");
    HttpClient api(server.port());
    auto balance = api.post("/api/v1/services/billing/balance", {},
                            {{"Cookie", "ehall_session=" + old_session}, {"X-CSRF-Token", csrf}});
    BOOST_TEST(balance.status == 401u);
}

BOOST_FIXTURE_TEST_CASE(hostile_input_is_escaped_where_it_is_echoed, HallServer) {
    auto& b = *browser;
    const std::string script = "<script>alert(1)</script>";
    auto login_page = log_in(b, script, "135790");
    BOOST_TEST(login_page.status == 400u);
    BOOST_TEST(contains(login_page.body, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    BOOST_TEST(!contains(login_page.body, script));

    BOOST_REQUIRE(log_in(b, demo_msisdn, demo_password).status == 303u);
    const std::string csrf = page_csrf(b);
    const std::string attribute_breaker = "\"><img src=x onerror=alert(1)>";
    auto add = b.post_form("/services/family/add", {{"csrf", csrf}, {"number", attribute_breaker}});
    BOOST_TEST(add.status == 400u);
    BOOST_TEST(contains(add.body, "请输入7到12位的电话号码"));
    BOOST_TEST(contains(add.body, "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
    BOOST_TEST(!contains(add.body, "<img src=x"));
    auto pay = b.post_form("/services/billing/pay",
                           {{"csrf", csrf}, {"amount_fen", script}, {"method", "card"}});
    BOOST_TEST(pay.status == 400u);
    BOOST_TEST(contains(pay.body, "请输入 1 到 1000000 之间的整数"));
    BOOST_TEST(!contains(pay.body, script));
    // A hostile path segment is not echoed at all.
    auto unknown = b.get("/services/billing/%3Cscript%3E");
    BOOST_TEST(unknown.status == 404u);
    BOOST_TEST(!contains(unknown.body, "<script"));
}

BOOST_FIXTURE_TEST_CASE(paying_by_form_counts_once_and_shows_in_my_records, HallServer) {
    auto& b = *browser;
    BOOST_REQUIRE(log_in(b, demo_msisdn, demo_password).status == 303u);
    auto form = b.get("/services/billing/pay");
    BOOST_TEST(form.status == 200u);
    BOOST_TEST(contains(form.body, "name=\"amount_fen\""));
    BOOST_TEST(contains(form.body, "<option value=\"card\" selected>"));
    const std::string key = hidden_value(form.body, "idempotency_key");
    BOOST_REQUIRE(key.size() == 32u);
    const FormData pay = {{"csrf", hidden_value(form.body, "csrf")},
                          {"idempotency_key", key},
                          {"amount_fen", "1000"},
                          {"method", "card"}};
    auto paid = b.post_form("/services/billing/pay", pay);
    BOOST_TEST(paid.status == 200u);
    BOOST_TEST(contains(paid.body, "办理成功"));
    BOOST_TEST(contains(paid.body, "68.60 元"));
    auto again = b.post_form("/services/billing/pay", pay);  // a reload of the result page
    BOOST_TEST(again.status == 200u);
    BOOST_TEST(balance_fen(server.port()) == 6860, "the second submission paid nothing");

    auto records = b.get("/records");
    BOOST_TEST(records.status == 200u);
    BOOST_TEST(contains(records.body, "交话费"));
    BOOST_TEST(contains(records.body, ">10.00<"));
    BOOST_TEST(contains(records.body, "网上营业厅"));
    BOOST_TEST(contains(records.body, "登录"));

    // A business refusal is a result page with the code in Chinese.
    auto cash = b.post_form("/services/billing/pay", {{"csrf", pay[0].second},
                                                      {"idempotency_key", "cash-attempt-01"},
                                                      {"amount_fen", "100"},
                                                      {"method", "cash"}});
    BOOST_TEST(cash.status == 400u);
    BOOST_TEST(contains(cash.body, "请求有误"));
}

BOOST_AUTO_TEST_CASE(a_payment_shows_in_my_records_at_once_without_a_journal_flush) {
    auto config = demo_config(all_plugins);
    // A minute between flushes: the records page must find the payment in memory.
    config["journal"] = {{"flush_interval_ms", 60000}};
    HallServer hall(config);
    auto& b = *hall.browser;
    BOOST_REQUIRE(log_in(b, demo_msisdn, demo_password).status == 303u);
    auto form = b.get("/services/billing/pay");
    auto paid = b.post_form("/services/billing/pay",
                            {{"csrf", hidden_value(form.body, "csrf")},
                             {"idempotency_key", hidden_value(form.body, "idempotency_key")},
                             {"amount_fen", "1234"},
                             {"method", "card"}});
    BOOST_REQUIRE(paid.status == 200u);
    auto records = b.get("/records");
    BOOST_TEST(records.status == 200u);
    BOOST_TEST(contains(records.body, "交话费"));
    BOOST_TEST(contains(records.body, ">12.34<"));
    BOOST_TEST(contains(records.body, "登录"));
    // Shown from the queue: the file still has neither the login nor the payment.
    BOOST_TEST(read_interactions(hall.server).empty());
}

BOOST_FIXTURE_TEST_CASE(every_enabled_operation_has_a_page, HallServer) {
    auto& b = *browser;
    BOOST_REQUIRE(log_in(b, demo_msisdn, demo_password).status == 303u);
    HttpClient api(server.port());
    auto services = api.get("/api/v1/services").json()["services"];
    BOOST_REQUIRE(services.size() >= 14u);
    for (const auto& service : services) {
        const std::string page = "/services/" + service["plugin"].get<std::string>() + "/" +
                                 service["operation"].get<std::string>();
        auto form = b.get(page);
        BOOST_TEST(form.status == 200u, page);
        BOOST_TEST(contains(form.body, service["title"].get<std::string>()), page);
        for (const auto& param : service["params"]) {
            BOOST_TEST(contains(form.body, "name=\"" + param["name"].get<std::string>() + "\""),
                       page << " has field " << param["name"]);
        }
    }
    auto show = b.post_form("/services/family/show", {{"csrf", page_csrf(b)}});
    BOOST_TEST(show.status == 200u);
    BOOST_TEST(contains(show.body, "本月剩余免费分钟"));
    BOOST_TEST(b.get("/services/billing/nothing").status == 404u);
}

BOOST_AUTO_TEST_SUITE_END()
