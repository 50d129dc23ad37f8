// The ops console (/admin): sign-in required for every page and action, CSRF on every
// action, a switch in the matrix changes the web hall's services at once and lands in the
// audit under the acting account.
#include <boost/test/unit_test.hpp>

#include "tests/support/demo_customer.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/ops_console_client.hpp"
#include "tests/support/server_process.hpp"

using namespace ehall::test;

namespace {

bool web_lists(HttpClient& client, const std::string& plugin) {
    const auto services = client.get("/api/v1/services").json();
    for (const auto& service : services["services"]) {
        if (service["plugin"] == plugin)
            return true;
    }
    return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ops_console)

BOOST_AUTO_TEST_CASE(every_page_and_action_needs_a_signed_in_person) {
    ServerProcess server("ops_console_auth");
    BOOST_REQUIRE(server.start(demo_config()));
    HttpClient client(server.port());
    for (const char* page : {"/admin", "/admin/plugins", "/admin/plugins/billing",
                             "/admin/plugins/billing/web?enable=0", "/admin/audit",
                             "/admin/terminals", "/admin/traffic"}) {
        auto result = client.get(page);
        BOOST_TEST(result.status == 303u, page);
        BOOST_TEST(result.header("Location").starts_with("/admin"), page);
        BOOST_TEST(result.body.find("billing") == std::string::npos, page);
    }
    BOOST_TEST(post_form(client, "/admin/plugins/billing/web", "enabled=0", "").status == 303u);
    BOOST_TEST(post_form(client, "/admin/terminals/KIOSK-0001/disable", "", "").status == 303u);
    BOOST_TEST(post_form(client, "/admin/plugins/billing/web", "enabled=0",
                         "ehall_ops=" + std::string(64, 'a'))
                   .status == 303u);
    BOOST_TEST(web_lists(client, "billing"));

    auto [no_cookie, wrong] = sign_in(client, "", "not-the-token");
    BOOST_TEST(wrong.status == 401u);
    BOOST_TEST(no_cookie.empty());
    // The sign-in form itself refuses a post without its double-submitted value.
    BOOST_TEST(post_form(client, "/admin/login", "account=&password=demo-admin-token", "").status ==
               403u);
}

BOOST_AUTO_TEST_CASE(a_switch_needs_the_csrf_token_and_is_audited_under_the_account) {
    ServerProcess server("ops_console_switch");
    BOOST_REQUIRE(server.start(demo_config()));
    HttpClient client(server.port());
    auto created =
        client.post("/admin/v1/accounts", {{"name", "alice"}, {"password", "alice-secret-1"}},
                    bearer(admin_token));
    BOOST_REQUIRE_EQUAL(created.status, 201u);

    auto [cookie, signed_in] = sign_in(client, "alice", "alice-secret-1");
    BOOST_REQUIRE_EQUAL(signed_in.status, 303u);
    BOOST_TEST(signed_in.header("Set-Cookie").find("HttpOnly") != std::string::npos);
    BOOST_TEST(signed_in.header("Set-Cookie").find("SameSite=Strict") != std::string::npos);
    auto matrix = client.get("/admin/plugins", {{"Cookie", cookie}});
    BOOST_REQUIRE_EQUAL(matrix.status, 200u);
    BOOST_TEST(matrix.body.find("data-plugin=\"billing\"") != std::string::npos);
    auto confirm = client.get("/admin/plugins/billing/web?enable=0", {{"Cookie", cookie}});
    const std::string csrf = hidden_field(confirm.body, "csrf");
    BOOST_REQUIRE(!csrf.empty());

    for (const std::string& bad : {std::string{}, std::string("csrf=") + std::string(32, '0')}) {
        auto refused = post_form(client, "/admin/plugins/billing/web", bad + "&enabled=0", cookie);
        BOOST_TEST(refused.status == 403u);
    }
    BOOST_TEST(web_lists(client, "billing"));

    auto switched =
        post_form(client, "/admin/plugins/billing/web", "csrf=" + csrf + "&enabled=0", cookie);
    BOOST_TEST(switched.status == 303u);
    BOOST_TEST(!web_lists(client, "billing"));  // at once
    auto after = client.get(switched.header("Location"), {{"Cookie", cookie}});
    BOOST_TEST(after.body.find("已关闭 billing 在 web 渠道") != std::string::npos);

    auto audit = client.get("/admin/v1/audit?target=billing", bearer(admin_token)).json();
    BOOST_REQUIRE(!audit["entries"].empty());
    BOOST_TEST(audit["entries"][0]["actor"] == "ops:alice");
    BOOST_TEST(audit["entries"][0]["action"] == "plugin.disable");
    auto audit_page = client.get("/admin/audit?actor=ops%3Aalice", {{"Cookie", cookie}});
    BOOST_TEST(audit_page.body.find("plugin.disable") != std::string::npos);

    BOOST_TEST(
        post_form(client, "/admin/plugins/billing/web", "csrf=" + csrf + "&enabled=1", cookie)
            .status == 303u);
    BOOST_TEST(web_lists(client, "billing"));

    // Signing out ends the session: the cookie no longer opens a page.
    BOOST_TEST(post_form(client, "/admin/logout", "csrf=" + csrf, cookie).status == 303u);
    BOOST_TEST(client.get("/admin/plugins", {{"Cookie", cookie}}).status == 303u);
}

BOOST_AUTO_TEST_CASE(terminals_traffic_and_account_lockout) {
    ServerProcess server("ops_console_pages");
    BOOST_REQUIRE(server.start(demo_config()));
    HttpClient client(server.port());
    auto [cookie, signed_in] = sign_in(client, "", admin_token);
    BOOST_REQUIRE_EQUAL(signed_in.status, 303u);

    auto terminals = client.get("/admin/terminals", {{"Cookie", cookie}});
    BOOST_TEST(terminals.body.find("data-terminal=\"KIOSK-0001\"") != std::string::npos);
    const std::string csrf = hidden_field(terminals.body, "csrf");
    auto hostile =
        post_form(client, "/admin/terminals",
                  "csrf=" + csrf + "&id=KIOSK-0009&hall=FS-CC-01&location=%3Cscript%3E", cookie);
    BOOST_TEST(hostile.status == 200u);
    BOOST_TEST(hostile.body.find("id=\"terminal-key\"") != std::string::npos);
    auto listed = client.get("/admin/terminals", {{"Cookie", cookie}});
    BOOST_TEST(listed.body.find("&lt;script&gt;") != std::string::npos);
    BOOST_TEST(listed.body.find("<script>") == std::string::npos);
    BOOST_TEST(listed.body.find("data-cash=\"expected\">0.00<") != std::string::npos);
    const std::string collect = "/admin/terminals/KIOSK-0001/cash-collected";
    BOOST_TEST(post_form(client, collect, "csrf=" + csrf + "&counted_yuan=lots", cookie).status ==
               400u);
    auto collected = post_form(client, collect, "csrf=" + csrf + "&counted_yuan=12.5", cookie);
    BOOST_TEST(collected.status == 200u, collected.body);
    BOOST_TEST(collected.body.find("清点 12.50 元，应有 0.00 元，差额 12.50 元") !=
               std::string::npos);

    auto traffic = client.get("/admin/traffic", {{"Cookie", cookie}});
    BOOST_TEST(traffic.status == 200u);
    BOOST_TEST(traffic.body.find("<svg") != std::string::npos);
    BOOST_TEST(traffic.body.find("http-equiv=\"refresh\"") != std::string::npos);

    client.post("/admin/v1/accounts", {{"name", "bob"}, {"password", "bob-secret-12"}},
                bearer(admin_token));
    // Misses slow down their own address only: five, then a wait even for the right password;
    // bob at his own desk still signs in.
    HttpClient outsider(server.port());
    outsider.connect_from("127.0.0.2");
    for (int i = 0; i < 5; ++i)
        BOOST_TEST(sign_in(outsider, "bob", "wrong-password").second.status == 401u);
    BOOST_TEST(sign_in(outsider, "bob", "wrong-password").second.status == 429u);
    BOOST_TEST(sign_in(outsider, "bob", "bob-secret-12").second.status == 429u);
    BOOST_TEST(sign_in(client, "bob", "bob-secret-12").second.status == 303u);
}

// The admin-token sign-in had one global lock: an outsider's guesses kept every staff member
// out. Now they only slow down the outsider's address.
BOOST_AUTO_TEST_CASE(admin_token_guesses_throttle_the_guesser_not_the_staff) {
    ServerProcess server("ops_console_token_guessing");
    BOOST_REQUIRE(server.start(demo_config()));
    HttpClient outsider(server.port());
    outsider.connect_from("127.0.0.3");
    for (int i = 0; i < 5; ++i)
        BOOST_TEST(sign_in(outsider, "", "guess-" + std::to_string(i)).second.status == 401u);
    for (int i = 0; i < 3; ++i)
        BOOST_TEST(sign_in(outsider, "", "guess-more").second.status == 429u);
    BOOST_TEST(sign_in(outsider, "", admin_token).second.status == 429u);
    HttpClient staff(server.port());
    BOOST_TEST(sign_in(staff, "", admin_token).second.status == 303u);
}

BOOST_AUTO_TEST_SUITE_END()
