// Terminal management for ops through the admin API: register, rotate, disable, activation
// codes; audited, and no key or code in the audit or the logs. Rotating a key ends the
// customer tokens issued at the terminal, as disabling it does.
#include <boost/test/unit_test.hpp>

#include "tests/support/kiosk_test_server.hpp"

using namespace ehall::test;
using nlohmann::json;

BOOST_AUTO_TEST_SUITE(kiosk_terminal_admin)

BOOST_FIXTURE_TEST_CASE(ops_register_rotate_and_disable_terminals, RunningKiosk) {
    const json new_terminal = {{"id", "KIOSK-0100"}, {"hall", "SZ-FT-02"}, {"location", "福田"}};
    BOOST_TEST(client->post("/admin/v1/terminals", new_terminal, bearer("wrong-token")).status ==
               401u);
    BOOST_TEST(client->post("/admin/v1/terminals", new_terminal).status == 401u);
    BOOST_TEST(client->post("/admin/v1/terminals/KIOSK-0001/rotate", {}, bearer("wrong")).status ==
               401u);

    auto created = register_terminal("KIOSK-0100", "SZ-FT-02");
    BOOST_TEST(created.key.size() == 64u);
    BOOST_TEST(client->post("/admin/v1/terminals", new_terminal, bearer(admin_token)).status ==
               409u);
    BOOST_TEST(
        client->post("/admin/v1/terminals", {{"id", "bad id"}, {"hall", "X"}}, bearer(admin_token))
            .status == 400u);
    BOOST_TEST(kiosk(created).heartbeat().status == 200u);
    BOOST_TEST(terminal_listed("KIOSK-0100")["hall"] == "SZ-FT-02");

    auto rotated = client->post("/admin/v1/terminals/KIOSK-0100/rotate", {}, bearer(admin_token));
    BOOST_TEST(rotated.status == 200u, rotated.body);
    const KioskCredentials renewed{"KIOSK-0100", rotated.json().value("key", "")};
    BOOST_TEST(renewed.key.size() == 64u);
    BOOST_TEST(renewed.key != created.key);
    BOOST_TEST(kiosk(created).heartbeat().status == 401u);
    BOOST_TEST(kiosk(renewed).heartbeat().status == 200u);

    BOOST_TEST(client->post("/admin/v1/terminals/KIOSK-0100/disable", {}, bearer(admin_token))
                   .json()["terminal"]["status"] == "disabled");
    auto disabled = kiosk(renewed).heartbeat();
    BOOST_TEST(disabled.status == 401u);
    BOOST_TEST(disabled.json()["message"] == "terminal disabled");
    BOOST_TEST(
        client->post("/admin/v1/terminals/KIOSK-0100/enable", {}, bearer(admin_token)).status ==
        200u);
    BOOST_TEST(kiosk(renewed).heartbeat().status == 200u);

    auto code =
        client->post("/admin/v1/terminals/KIOSK-0100/activation_code", {}, bearer(admin_token));
    BOOST_TEST(code.status == 200u, code.body);
    const std::string activation = code.json().value("activation_code", "");
    BOOST_TEST(activation.size() == 8u);
    BOOST_TEST(client->post("/admin/v1/terminals/NO-SUCH/rotate", {}, bearer(admin_token)).status ==
               404u);

    auto audit = client->get("/admin/v1/audit?target=terminal:KIOSK-0100", bearer(admin_token));
    const std::string trail = audit.body;
    for (const char* action : {"terminal.create", "terminal.rotate_key", "terminal.disable",
                               "terminal.enable", "terminal.activation_code"}) {
        BOOST_TEST(trail.find(action) != std::string::npos, action);
    }
    BOOST_REQUIRE(server.stop() == 0);
    const std::string logs = server.stderr_text() + server.stdout_text();
    for (const std::string& secret : {created.key, renewed.key, activation}) {
        BOOST_TEST(trail.find(secret) == std::string::npos);
        BOOST_TEST(logs.find(secret) == std::string::npos);
    }
}

BOOST_FIXTURE_TEST_CASE(rotating_a_key_ends_the_customer_tokens_issued_at_the_terminal,
                        RunningKiosk) {
    auto created = register_terminal("KIOSK-0100", "SZ-FT-02");
    const std::string token = kiosk(created).identify(demo_msisdn, demo_password);
    BOOST_REQUIRE(!token.empty());
    const json balance = {{"customer_token", token}};
    BOOST_TEST(kiosk(created).post("/kiosk/v1/services/billing/balance", balance).status == 200u);

    auto rotated = client->post("/admin/v1/terminals/KIOSK-0100/rotate", {}, bearer(admin_token));
    BOOST_REQUIRE(rotated.status == 200u);
    const KioskCredentials renewed{"KIOSK-0100", rotated.json().value("key", "")};

    // Signed with the new key, so it is the token that is refused, not the signature.
    auto refused = kiosk(renewed).post("/kiosk/v1/services/billing/balance", balance);
    BOOST_TEST(refused.status == 401u, refused.body);
    BOOST_TEST(refused.json()["code"] == "unauthenticated");
    BOOST_TEST(refused.json()["message"] == "customer session ended or not from this terminal");
    BOOST_TEST(kiosk(renewed).post("/kiosk/v1/end_session", balance).json()["data"]["ended"] ==
               false);
    const std::string fresh = kiosk(renewed).identify(demo_msisdn, demo_password);
    BOOST_TEST(kiosk(renewed)
                   .post("/kiosk/v1/services/billing/balance", {{"customer_token", fresh}})
                   .status == 200u);
}

BOOST_AUTO_TEST_SUITE_END()
