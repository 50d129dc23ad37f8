// The kiosk touch UI over real HTTP: activation with the one-time code, the device cookie
// on every route, refused devices (disabled terminal, rotated key), CSRF, a cash payment of
// the notes the signed terminal reported (and never of an amount the browser sends), an
// identification journaled with the terminal (spending no nonces), and the idle clearing of
// the customer.
#include <boost/test/unit_test.hpp>
#include <thread>

#include "tests/support/journal_reader.hpp"
#include "tests/support/kiosk_test_server.hpp"
#include "tests/support/kiosk_ui_browser.hpp"
#include "tests/support/store_state.hpp"

using namespace ehall::test;
using nlohmann::json;

namespace {

std::string activation_code(RunningKiosk& kiosk, const std::string& terminal_id) {
    auto reply = kiosk.client->post("/admin/v1/terminals/" + terminal_id + "/activation_code", {},
                                    bearer(admin_token));
    BOOST_REQUIRE_MESSAGE(reply.status == 200u, reply.body);
    return reply.json().value("activation_code", "");
}

KioskUiBrowser activated_browser(RunningKiosk& kiosk, const std::string& terminal_id) {
    KioskUiBrowser browser{*kiosk.client};
    auto activated = browser.activate(terminal_id, activation_code(kiosk, terminal_id));
    BOOST_REQUIRE_MESSAGE(activated.status == 303u, activated.body);
    BOOST_REQUIRE(browser.get("/kiosk/ui").status == 200u);
    return browser;
}

bool sent_to_activation(const HttpResult& reply) {
    return reply.status == 303u && reply.header("Location") == "/kiosk/ui/activate";
}

json ui_config() {
    json config = demo_config({"billing", "family", "points"});
    config["kiosk"] = {{"ui_idle_seconds", 7}, {"customer_idle_seconds", 5}};
    return config;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(kiosk_ui)

BOOST_FIXTURE_TEST_CASE(activation_code_works_once_and_sets_a_strict_device_cookie, RunningKiosk) {
    KioskUiBrowser browser{*client};
    BOOST_TEST(sent_to_activation(browser.get("/kiosk/ui")));
    auto page = browser.get("/kiosk/ui/activate");
    BOOST_TEST(page.status == 200u);
    BOOST_TEST(page.body.find("name=\"code\"") != std::string::npos);
    BOOST_TEST(page.header("Content-Security-Policy").find("script-src 'self'") !=
               std::string::npos);

    const std::string code = activation_code(*this, "KIOSK-0001");
    std::string wrong = code;
    wrong[0] = wrong[0] == '9' ? '0' : static_cast<char>(wrong[0] + 1);
    auto refused = browser.activate("KIOSK-0001", wrong);
    BOOST_TEST(refused.status == 401u);
    BOOST_TEST(refused.header("Set-Cookie").empty());

    auto activated = browser.activate("KIOSK-0001", code);
    BOOST_TEST(activated.status == 303u);
    BOOST_TEST(activated.header("Location") == "/kiosk/ui");
    const std::string cookie = activated.header("Set-Cookie");
    BOOST_TEST(cookie.find("HttpOnly") != std::string::npos, cookie);
    BOOST_TEST(cookie.find("SameSite=Strict") != std::string::npos, cookie);
    BOOST_TEST(browser.device.size() == 64u);

    auto start = browser.get("/kiosk/ui");
    BOOST_TEST(start.status == 200u);
    BOOST_TEST(start.body.find("action=\"/kiosk/ui/identify\"") != std::string::npos);
    BOOST_TEST(start.body.find("FS-CC-01 · KIOSK-0001") != std::string::npos);

    KioskUiBrowser second{*client};
    BOOST_TEST(second.activate("KIOSK-0001", code).status == 401u);  // used up
    BOOST_TEST(second.device.empty());
    BOOST_TEST(second.activate("NO-SUCH", code).status == 401u);
}

// Throttled per client address, never locked for everyone: the guesser waits, longer after
// each further miss, while the technician at another address activates the terminal.
BOOST_FIXTURE_TEST_CASE(guessing_activation_codes_slows_down_the_guesser_only, RunningKiosk) {
    register_terminal("KIOSK-0300", "SZ-FT-02");
    const std::string code = activation_code(*this, "KIOSK-0300");
    HttpClient guesser_http(server.port());
    guesser_http.connect_from("127.0.0.2");
    KioskUiBrowser guesser{guesser_http};
    for (int guess = 0; guess < 10; ++guess) {
        std::string wrong = std::to_string(10000000 + guess);
        BOOST_TEST(guesser.activate("KIOSK-0300", wrong == code ? "00000000" : wrong).status ==
                   401u);
    }
    BOOST_TEST(guesser.activate("KIOSK-0300", code).status == 429u);  // even the right code
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    BOOST_TEST(guesser.activate("KIOSK-0300", "99999999").status == 401u);  // after 1 s
    BOOST_TEST(guesser.activate("KIOSK-0300", "99999998").status == 429u);  // now 2 s
    BOOST_TEST(guesser.device.empty());
    KioskUiBrowser technician{*client};
    BOOST_TEST(technician.activate("KIOSK-0300", code).status == 303u);
    BOOST_TEST(technician.device.size() == 64u);
}

BOOST_FIXTURE_TEST_CASE(every_ui_route_needs_the_device_cookie_and_posts_the_csrf_token,
                        RunningKiosk) {
    const std::vector<std::pair<http::verb, std::string>> routes = {
        {http::verb::get, "/kiosk/ui"},
        {http::verb::post, "/kiosk/ui/identify"},
        {http::verb::get, "/kiosk/ui/services"},
        {http::verb::get, "/kiosk/ui/services/billing/balance"},
        {http::verb::post, "/kiosk/ui/services/billing/balance"},
        {http::verb::get, "/kiosk/ui/cash"},
        {http::verb::post, "/kiosk/ui/cash"},
        {http::verb::post, "/kiosk/ui/cash/intake"},
        {http::verb::get, "/kiosk/ui/cash/intakes/0123abcd"},
        {http::verb::post, "/kiosk/ui/cash/intakes/0123abcd/pay"},
        {http::verb::post, "/kiosk/ui/end"},
    };
    const std::string payment = "msisdn=13800138000&amount=1&kiosk_txn=abc12345";
    for (const auto& [method, path] : routes) {
        BOOST_TEST(sent_to_activation(client->request(method, path, payment)), path);
        Headers forged = {{"Cookie", "ehall_kiosk_device=" + std::string(64, 'a')}};
        BOOST_TEST(sent_to_activation(client->request(method, path, payment, forged)), path);
    }

    KioskUiBrowser browser = activated_browser(*this, "KIOSK-0001");
    for (const auto& [method, path] : routes) {
        if (method != http::verb::post)
            continue;
        auto forged = browser.post(path, {{"msisdn", demo_msisdn}, {"csrf", "forged"}}, false);
        BOOST_TEST(forged.status == 403u, path);
    }
    BOOST_REQUIRE(server.stop() == 0);
    for (const auto& row : read_interactions(server))
        BOOST_TEST(row.value("plugin", "") != "billing");  // nothing reached a plugin
}

BOOST_FIXTURE_TEST_CASE(a_disabled_terminal_or_a_rotated_key_refuses_the_device, RunningKiosk) {
    register_terminal("KIOSK-0200", "SZ-FT-02");
    KioskUiBrowser browser = activated_browser(*this, "KIOSK-0200");
    const std::string pending_code = activation_code(*this, "KIOSK-0200");

    auto disabled = client->post("/admin/v1/terminals/KIOSK-0200/disable", {}, bearer(admin_token));
    BOOST_REQUIRE(disabled.status == 200u);
    BOOST_TEST(sent_to_activation(browser.get("/kiosk/ui")));
    BOOST_TEST(sent_to_activation(browser.get("/kiosk/ui/cash")));
    KioskUiBrowser newcomer{*client};
    BOOST_TEST(newcomer.activate("KIOSK-0200", pending_code).status == 401u);

    BOOST_REQUIRE(
        client->post("/admin/v1/terminals/KIOSK-0200/enable", {}, bearer(admin_token)).status ==
        200u);
    BOOST_TEST(browser.get("/kiosk/ui").status == 200u);

    BOOST_REQUIRE(
        client->post("/admin/v1/terminals/KIOSK-0200/rotate", {}, bearer(admin_token)).status ==
        200u);
    BOOST_TEST(sent_to_activation(browser.get("/kiosk/ui")));
    BOOST_TEST(sent_to_activation(browser.get("/kiosk/ui")));  // for good, not once
}

BOOST_FIXTURE_TEST_CASE(a_cash_payment_in_the_ui_pays_the_notes_the_terminal_reported,
                        RunningKiosk) {
    KioskUiBrowser browser = activated_browser(*this, "KIOSK-0001");
    BOOST_TEST(browser.get("/kiosk/ui/cash").status == 200u);
    BOOST_TEST(browser.post("/kiosk/ui/cash", {{"msisdn", "1380013800"}}).status == 400u);

    browser.request_id = "ui-lookup-1";
    auto confirm = browser.post("/kiosk/ui/cash", {{"msisdn", demo_msisdn}});
    BOOST_TEST(confirm.status == 200u);
    BOOST_TEST(confirm.body.find("张*") != std::string::npos);
    BOOST_TEST(confirm.body.find("138****8000") != std::string::npos);
    BOOST_TEST(confirm.body.find("128.50 元") != std::string::npos);
    BOOST_TEST(confirm.body.find("name=\"amount\"") == std::string::npos);

    browser.request_id = "ui-intake-1";
    auto opened = browser.post("/kiosk/ui/cash/intake",
                               {{"msisdn", KioskUiBrowser::hidden(confirm.body, "msisdn")}});
    BOOST_TEST(opened.status == 303u, opened.body);
    const std::string screen = opened.header("Location");
    BOOST_REQUIRE(screen.starts_with("/kiosk/ui/cash/intakes/"));
    auto empty = browser.get(screen);
    BOOST_TEST(empty.status == 200u);
    BOOST_TEST(empty.body.find("http-equiv=\"refresh\" content=\"2\"") != std::string::npos);
    BOOST_TEST(empty.body.find("id=\"cash-total\">0.00 元") != std::string::npos, empty.body);
    BOOST_TEST(empty.body.find("id=\"pay\"") == std::string::npos);  // nothing to pay yet
    BOOST_TEST(empty.body.find("data-idle-seconds") != std::string::npos);
    BOOST_TEST(empty.body.find("name=\"amount") == std::string::npos);

    // The terminal's acceptor reports the notes, signed with the terminal's key.
    BOOST_TEST(kiosk().note(1, 10000).status == 200u);
    BOOST_TEST(kiosk().note(2, 5000).status == 200u);
    auto filled = browser.get(screen);
    BOOST_TEST(filled.body.find("id=\"cash-total\">150.00 元") != std::string::npos, filled.body);
    BOOST_TEST(filled.body.find("data-idle-seconds") == std::string::npos);  // cash waits
    const std::string pay = screen + "/pay";
    BOOST_TEST(filled.body.find("action=\"" + pay + "\"") != std::string::npos);

    browser.request_id = "ui-pay-1";
    auto receipt = browser.post(pay, {{"amount", "99999"}, {"amount_fen", "9999900"}});
    BOOST_TEST(receipt.status == 200u, receipt.body);
    for (const char* shown : {"办理成功", "150.00 元", "FS-CC-01", "KIOSK-0001", "138****8000"})
        BOOST_TEST(receipt.body.find(shown) != std::string::npos, shown);
    // A public screen: the number only masked, each receipt line once, the details labelled.
    BOOST_TEST(!contains(receipt.body, demo_msisdn), receipt.body);
    BOOST_TEST(!contains(receipt.body, "terminal_id"), receipt.body);
    BOOST_TEST(contains(receipt.body, "<dt>余额</dt>"), receipt.body);
    std::smatch number;
    const std::string body = receipt.body;
    BOOST_REQUIRE(std::regex_search(body, number, std::regex("id=\"receipt-no\">(K[0-9A-F]+)<")));
    BOOST_TEST(std::regex_search(body, std::regex(R"(\d{4}-\d{2}-\d{2} \d{2}:\d{2})")));

    browser.request_id = "ui-pay-2";  // a double tap pays once
    auto again = browser.post(pay, {});
    BOOST_TEST(again.body.find(number[1].str()) != std::string::npos);
    BOOST_TEST(browser.get(screen).header("Location") == "/kiosk/ui");  // paid: done
    BOOST_TEST(kiosk().balance_fen(demo_msisdn, demo_password) == 5860 + 15000 - 12850);

    BOOST_REQUIRE(server.stop() == 0);
    auto rows = read_interactions(server);
    for (const char* id : {"ui-lookup-1", "ui-intake-1", "ui-pay-1", "ui-pay-2"}) {
        const json* row = find_by_request_id(rows, id);
        BOOST_REQUIRE_MESSAGE(row, id);
        BOOST_TEST((*row)["channel"] == "kiosk");
        BOOST_TEST((*row)["terminal_id"] == "KIOSK-0001");
        BOOST_TEST((*row)["subchannel"] == "FS-CC-01");
        BOOST_TEST((*row)["msisdn"] == demo_msisdn);
    }
    BOOST_TEST((*find_by_request_id(rows, "ui-pay-1"))["amount_fen"] == 15000);
    for (const auto& row : rows)
        BOOST_TEST(row["terminal_id"] == "KIOSK-0001");
}

BOOST_AUTO_TEST_CASE(the_ui_cannot_pay_an_amount_it_chooses) {
    RunningKiosk running(demo_config({"billing", "family", "points", "offers"}));  // store_state
    KioskUiBrowser browser = activated_browser(running, "KIOSK-0001");
    // An identified customer (identification writes a session and an offer contact).
    browser.post("/kiosk/ui/identify", {{"msisdn", demo_msisdn}, {"password", demo_password}});
    BOOST_REQUIRE(!browser.customer.empty());
    const auto before = store_state(running.server);

    // The old amount form, as a browser may still post it.
    const FormData typed = {{"msisdn", demo_msisdn}, {"amount", "500.00"}, {"kiosk_txn", "x1"}};
    BOOST_TEST(browser.post("/kiosk/ui/cash/pay", typed).status == 404u);
    BOOST_TEST(browser.post("/kiosk/ui/cash/amount", typed).status == 404u);
    // An intake with no notes pays nothing, whatever the form says.
    auto opened = browser.post("/kiosk/ui/cash/intake", {{"msisdn", demo_msisdn}});
    BOOST_REQUIRE(opened.status == 303u);
    auto empty = browser.post(opened.header("Location") + "/pay", typed);
    BOOST_TEST(empty.status == 400u, empty.body);
    BOOST_TEST(empty.body.find("未能办理") != std::string::npos);
    // The customer's pay form offers no cash, and cash posted anyway is refused.
    auto form = browser.get("/kiosk/ui/services/billing/pay");
    BOOST_TEST(form.body.find("<option>card</option>") != std::string::npos, form.body);
    BOOST_TEST(form.body.find("<option>cash</option>") == std::string::npos, form.body);
    auto forced = browser.post("/kiosk/ui/services/billing/pay",
                               {{"amount_fen", "500"}, {"method", "cash"}, {"kiosk_txn", "x2"}});
    BOOST_TEST(forced.status == 403u, forced.body);

    const auto after = store_state(running.server);
    for (const auto& [what, count] : before) {
        if (what != "kiosk_cash")  // the empty intake
            BOOST_TEST(after.at(what) == count, what << " changed");
    }
    BOOST_TEST(running.kiosk().balance_fen(demo_msisdn, demo_password) == 5860);
}

BOOST_FIXTURE_TEST_CASE(cash_left_in_an_intake_is_paid_before_the_next_customer_pays,
                        RunningKiosk) {
    KioskUiBrowser browser = activated_browser(*this, "KIOSK-0001");
    auto first = browser.post("/kiosk/ui/cash/intake", {{"msisdn", other_msisdn}});
    BOOST_REQUIRE(first.status == 303u);
    BOOST_TEST(kiosk().note(1, 2000).status == 200u);
    // The customer walks away; the next one starts over for another number.
    auto next = browser.post("/kiosk/ui/cash/intake", {{"msisdn", demo_msisdn}});
    BOOST_TEST(next.header("Location") == first.header("Location") + "?held=1");
    auto held = browser.get(next.header("Location"));
    BOOST_TEST(held.body.find("id=\"held\"") != std::string::npos);
    BOOST_TEST(held.body.find("139****9000") != std::string::npos);
    BOOST_TEST(held.body.find("id=\"cash-total\">20.00 元") != std::string::npos);
    BOOST_TEST(browser.post(first.header("Location") + "/pay", {}).status == 200u);
    auto fresh = browser.post("/kiosk/ui/cash/intake", {{"msisdn", demo_msisdn}});
    BOOST_TEST(fresh.header("Location") != first.header("Location"));
    BOOST_TEST(kiosk().balance_fen(other_msisdn, other_password) == 1200 + 2000);
}

BOOST_AUTO_TEST_CASE(identification_ends_on_request_and_when_idle) {
    RunningKiosk kiosk(ui_config());
    KioskUiBrowser browser = activated_browser(kiosk, "KIOSK-0001");
    BOOST_TEST(browser.get("/kiosk/ui").body.find("data-idle-seconds") == std::string::npos);
    BOOST_TEST(sent_to_activation(KioskUiBrowser{*kiosk.client}.get("/kiosk/ui/services")));
    BOOST_TEST(browser.get("/kiosk/ui/services").header("Location") == "/kiosk/ui");

    auto wrong =
        browser.post("/kiosk/ui/identify", {{"msisdn", demo_msisdn}, {"password", "000000"}});
    BOOST_TEST(wrong.status == 401u);
    BOOST_TEST(browser.customer.empty());

    browser.request_id = "ui-identify-1";
    auto tiles =
        browser.post("/kiosk/ui/identify", {{"msisdn", demo_msisdn}, {"password", demo_password}});
    BOOST_TEST(tiles.status == 200u, tiles.body);
    BOOST_TEST(tiles.body.find("张*，您好") != std::string::npos);
    BOOST_TEST(tiles.body.find("href=\"/kiosk/ui/services/billing/balance\"") != std::string::npos);
    BOOST_TEST(tiles.body.find("data-idle-seconds=\"7\"") != std::string::npos);
    BOOST_TEST(tiles.header("Set-Cookie").find("SameSite=Strict") != std::string::npos);
    BOOST_REQUIRE(!browser.customer.empty());

    auto pay_form = browser.get("/kiosk/ui/services/billing/pay");
    BOOST_TEST(pay_form.status == 200u);
    BOOST_TEST(pay_form.body.find("name=\"amount_fen\"") != std::string::npos);
    BOOST_TEST(pay_form.body.find("data-keypad") != std::string::npos);
    BOOST_TEST(browser.get("/kiosk/ui/services/billing/no_such").status == 404u);
    browser.request_id = "ui-bad-pay";
    BOOST_TEST(browser.post("/kiosk/ui/services/billing/pay", {{"amount_fen", "1.234"}}).status ==
               400u);

    browser.request_id = "ui-balance-1";
    auto balance = browser.post("/kiosk/ui/services/billing/balance", {{"kiosk_txn", "t1"}});
    BOOST_TEST(balance.status == 200u, balance.body);
    BOOST_TEST(balance.body.find("58.60") != std::string::npos, balance.body);
    // The details in the words the web hall uses (field_words.hpp), yuan for fen.
    BOOST_TEST(contains(balance.body, "<dt>余额</dt><dd>58.60 元</dd>"), balance.body);
    BOOST_TEST(contains(balance.body, "<dt>品牌</dt>"), balance.body);

    const std::string token = browser.customer;
    browser.request_id = "ui-end-1";
    auto ended = browser.post("/kiosk/ui/end", {});
    BOOST_TEST(ended.status == 303u);
    BOOST_TEST(ended.header("Location") == "/kiosk/ui");
    BOOST_TEST(browser.customer.empty());  // the cookie is cleared
    browser.customer = token;              // and the session is gone server-side too
    BOOST_TEST(browser.get("/kiosk/ui/services").header("Location") == "/kiosk/ui");

    browser.customer.clear();
    browser.post("/kiosk/ui/identify", {{"msisdn", demo_msisdn}, {"password", demo_password}});
    BOOST_REQUIRE(!browser.customer.empty());
    std::this_thread::sleep_for(std::chrono::seconds(6));  // kiosk.customer_idle_seconds = 5
    BOOST_TEST(browser.get("/kiosk/ui/services").header("Location") == "/kiosk/ui");
    // The UI is its device's binding, not a signer: its clicks spend no terminal nonces.
    BOOST_TEST(store_scalar(kiosk.server, "SELECT count(*) FROM kiosk_nonces") == 0);

    BOOST_REQUIRE(kiosk.server.stop() == 0);
    auto rows = read_interactions(kiosk.server);
    const json* login = find_by_request_id(rows, "ui-identify-1");
    BOOST_REQUIRE(login);
    BOOST_TEST((*login)["operation"] == "login");
    BOOST_TEST((*login)["terminal_id"] == "KIOSK-0001");
    const json* balance_row = find_by_request_id(rows, "ui-balance-1");
    BOOST_REQUIRE(balance_row);
    BOOST_TEST((*balance_row)["plugin"] == "billing");
    BOOST_TEST((*balance_row)["session_id"] == (*login)["session_id"]);
    BOOST_TEST(find_by_request_id(rows, "ui-bad-pay") == nullptr);  // refused before the API
    const json* logout = find_by_request_id(rows, "ui-end-1");
    BOOST_REQUIRE(logout);
    BOOST_TEST((*logout)["operation"] == "logout");
    BOOST_TEST((*logout)["channel"] == "kiosk");
}

BOOST_AUTO_TEST_SUITE_END()
