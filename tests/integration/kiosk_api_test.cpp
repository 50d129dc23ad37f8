// The kiosk channel against the real binary (DESIGN §6): signed requests, heartbeats and
// the stale flag, identification bound to a terminal, idle clearing, cash payments that
// count once with receipts and reprints, replays and forgeries.

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <thread>

#include "tests/support/journal_reader.hpp"
#include "tests/support/kiosk_test_server.hpp"
#include "tests/support/store_state.hpp"

using namespace ehall::test;
using nlohmann::json;

namespace {

json idle_config(int seconds) {
    json config = demo_config({"billing"});
    config["kiosk"] = {{"customer_idle_seconds", seconds}};
    return config;
}

// The expiry of the only kiosk customer session in the store, read beside the server.
std::int64_t kiosk_session_expiry(const ServerProcess& server) {
    return store_scalar(server, "SELECT max(expires_ms) FROM sessions WHERE channel = 'kiosk'");
}

std::int64_t epoch_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(kiosk_api)

BOOST_FIXTURE_TEST_CASE(heartbeats_record_device_status_and_clear_the_stale_flag, RunningKiosk) {
    register_terminal("KIOSK-0002", "FS-CC-01");
    BOOST_TEST(terminal_listed("KIOSK-0001")["stale"] == true);

    auto beat = kiosk().heartbeat("low");
    BOOST_TEST(beat.status == 200u, beat.body);
    BOOST_TEST(beat.json()["data"]["terminal_id"] == "KIOSK-0001");

    auto seen = terminal_listed("KIOSK-0001");
    BOOST_TEST(seen["stale"] == false);
    BOOST_TEST(!seen["last_seen"].get<std::string>().empty());
    BOOST_TEST(seen["device"]["printer_paper"] == "low");
    BOOST_TEST(seen["device"]["version"] == "2.3.1");
    BOOST_TEST(terminal_listed("KIOSK-0002")["stale"] == true);  // never sent a heartbeat

    auto bad = kiosk().post("/kiosk/v1/heartbeat", {{"printer_paper", "gone"}});
    BOOST_TEST(bad.status == 400u);
    BOOST_TEST(bad.json()["code"] == "bad_request");
}

BOOST_FIXTURE_TEST_CASE(identify_gives_a_token_bound_to_the_terminal, RunningKiosk) {
    auto reply =
        kiosk().post("/kiosk/v1/identify", {{"msisdn", demo_msisdn}, {"password", demo_password}});
    BOOST_TEST(reply.status == 200u, reply.body);
    auto data = reply.json()["data"];
    BOOST_TEST(data["masked_name"] == "张*");
    BOOST_TEST(data["masked_msisdn"] == "138****8000");
    BOOST_TEST(data["expires_in"] == 60);
    const std::string token = data.value("customer_token", "");
    BOOST_REQUIRE(!token.empty());

    auto balance = kiosk().post("/kiosk/v1/services/billing/balance", {{"customer_token", token}});
    BOOST_TEST(balance.status == 200u, balance.body);
    auto body = balance.json();
    BOOST_TEST(body["data"]["balance_fen"] == 5860);
    BOOST_TEST(body["receipt"]["hall"] == "FS-CC-01");
    BOOST_TEST(body["receipt"]["terminal_id"] == "KIOSK-0001");
    BOOST_TEST(body["receipt"]["operation"] == "billing.balance");
    BOOST_TEST(body["receipt"]["title"] == "话费余额");
    BOOST_TEST(body["receipt"]["msisdn"] == "138****8000");
    BOOST_TEST(!body["receipt"]["receipt_no"].get<std::string>().empty());

    // Neither another terminal nor the web accepts the kiosk's token.
    auto other = register_terminal("KIOSK-0002", "FS-CC-01");
    auto elsewhere =
        kiosk(other).post("/kiosk/v1/services/billing/balance", {{"customer_token", token}});
    BOOST_TEST(elsewhere.status == 401u);
    BOOST_TEST(elsewhere.json()["code"] == "unauthenticated");
    BOOST_TEST(client->post("/api/v1/services/billing/balance", {}, bearer(token)).status == 401u);
    // Without a customer the operation needs one.
    BOOST_TEST(kiosk().post("/kiosk/v1/services/billing/balance", {}).status == 401u);

    auto ended = kiosk().post("/kiosk/v1/end_session", {{"customer_token", token}});
    BOOST_TEST(ended.json()["data"]["ended"] == true);
    BOOST_TEST(
        kiosk().post("/kiosk/v1/services/billing/balance", {{"customer_token", token}}).status ==
        401u);

    auto wrong =
        kiosk().post("/kiosk/v1/identify", {{"msisdn", other_msisdn}, {"password", "000000"}});
    BOOST_TEST(wrong.status == 401u);
    BOOST_TEST(wrong.json()["code"] == "unauthenticated");
}

BOOST_AUTO_TEST_CASE(an_idle_customer_is_cleared) {
    RunningKiosk running(idle_config(5));
    auto kiosk = running.kiosk();
    const std::string token = kiosk.identify(demo_msisdn, demo_password);
    BOOST_REQUIRE(!token.empty());
    BOOST_TEST(
        kiosk.post("/kiosk/v1/services/billing/balance", {{"customer_token", token}}).status ==
        200u);
    // Any use extends the session, so wait beside the server for the idle expiry to pass.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
    while (epoch_ms() <= kiosk_session_expiry(running.server) &&
           std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    auto after = kiosk.post("/kiosk/v1/services/billing/balance", {{"customer_token", token}});
    BOOST_TEST(after.status == 401u, after.body);
    BOOST_TEST(after.json()["code"] == "unauthenticated");
}

BOOST_FIXTURE_TEST_CASE(a_cash_payment_counts_once_and_its_receipt_reprints, RunningKiosk) {
    auto lookup = kiosk().post("/kiosk/v1/lookup", {{"msisdn", demo_msisdn}});
    BOOST_TEST(lookup.status == 200u, lookup.body);
    BOOST_TEST(lookup.json()["data"]["masked_name"] == "张*");
    BOOST_TEST(lookup.json()["data"]["masked_msisdn"] == "138****8000");
    BOOST_TEST(lookup.json()["data"]["due_fen"] == 12850);
    BOOST_TEST(kiosk().post("/kiosk/v1/lookup", {{"msisdn", "13700000000"}}).status == 404u);

    json pay = {{"amount_fen", 5000}, {"method", "cash"}, {"msisdn", demo_msisdn}};
    auto without_txn = kiosk().post("/kiosk/v1/services/billing/pay", pay);
    BOOST_TEST(without_txn.status == 400u, without_txn.body);

    pay["kiosk_txn"] = "T-20260401-0001";
    auto first = kiosk().post("/kiosk/v1/services/billing/pay", pay);
    BOOST_TEST(first.status == 200u, first.body);
    auto body = first.json();
    BOOST_TEST(body["data"]["masked_name"] == "张*");
    auto receipt = body["receipt"];
    BOOST_TEST(receipt["hall"] == "FS-CC-01");
    BOOST_TEST(receipt["terminal_id"] == "KIOSK-0001");
    BOOST_TEST(receipt["amount_fen"] == 5000);
    BOOST_TEST(receipt["operation"] == "billing.pay");
    BOOST_TEST(receipt["title"] == "交话费");
    BOOST_TEST(receipt["msisdn"] == "138****8000");
    BOOST_TEST(receipt["time"].get<std::string>().size() == 19u);
    const std::string number = receipt.value("receipt_no", "");
    BOOST_REQUIRE(!number.empty());

    auto retry = kiosk().post("/kiosk/v1/services/billing/pay", pay);
    BOOST_TEST(retry.status == 200u, retry.body);
    BOOST_TEST(retry.json()["data"]["replayed"] == true);
    BOOST_TEST(retry.json()["receipt"] == receipt);
    // The same number from another terminal is another payment, not a replay.
    auto other = register_terminal("KIOSK-0002", "FS-CC-02");
    auto elsewhere = kiosk(other).post("/kiosk/v1/services/billing/pay", pay);
    BOOST_TEST(elsewhere.status == 200u, elsewhere.body);
    BOOST_TEST(!elsewhere.json()["data"].contains("replayed"));
    BOOST_TEST(elsewhere.json()["receipt"]["hall"] == "FS-CC-02");

    // Credited once per payment: 5860 + 5000 + 5000 = 15860 covers the 12850 bill.
    const std::string token = kiosk().identify(demo_msisdn, demo_password);
    auto balance = kiosk().post("/kiosk/v1/services/billing/balance", {{"customer_token", token}});
    BOOST_TEST(balance.json()["data"]["balance_fen"] == 15860 - 12850);

    auto reprint = kiosk().post("/kiosk/v1/receipts/" + number + "/reprint", json::object());
    BOOST_TEST(reprint.status == 200u, reprint.body);
    BOOST_TEST(reprint.json()["receipt"] == receipt);
    BOOST_TEST(
        kiosk(other).post("/kiosk/v1/receipts/" + number + "/reprint", json::object()).status ==
        404u);
    BOOST_TEST(kiosk().post("/kiosk/v1/receipts/K0000/reprint", json::object()).status == 404u);

    BOOST_REQUIRE(server.stop() == 0);
    std::int64_t paid_fen = 0;
    int payments = 0;
    for (const auto& row : read_interactions(server)) {
        if (row["channel"] != "kiosk")
            continue;
        BOOST_TEST((row["terminal_id"] == "KIOSK-0001" || row["terminal_id"] == "KIOSK-0002"),
                   row.dump());
        BOOST_TEST(row["subchannel"] ==
                   (row["terminal_id"] == "KIOSK-0001" ? "FS-CC-01" : "FS-CC-02"));
        if (row["plugin"] == "billing" && row["operation"] == "pay" && row["outcome"] == "ok") {
            ++payments;
            BOOST_TEST(row["msisdn"] == demo_msisdn);
            BOOST_TEST(row["business"] == "payment");
            if (row["amount_fen"].is_number())
                paid_fen += row["amount_fen"].get<std::int64_t>();
        }
    }
    BOOST_TEST(payments == 3);
    BOOST_TEST(paid_fen == 10000);  // the replay moved no money
}

BOOST_FIXTURE_TEST_CASE(replayed_and_forged_requests_are_refused, RunningKiosk) {
    const std::string path = "/kiosk/v1/heartbeat";
    const std::string body = R"({"printer_paper":"ok","cash_box":"ok","version":"1"})";
    Headers headers = kiosk_signature_headers(demo_kiosk, "POST", path, body);
    BOOST_TEST(client->post_json_text(path, body, headers).status == 200u);
    auto replay = client->post_json_text(path, body, headers);
    BOOST_TEST(replay.status == 401u);
    BOOST_TEST(replay.json()["status"] == "error");
    BOOST_TEST(replay.json()["code"] == "unauthenticated");
    BOOST_TEST(replay.json()["message"] == "X-Nonce already used");

    const auto now = epoch_ms() / 1000;
    auto expired = kiosk_signature_headers(demo_kiosk, "POST", path, body, now - 400, "expired-01");
    BOOST_TEST(client->post_json_text(path, body, expired).status == 401u);
    auto future = kiosk_signature_headers(demo_kiosk, "POST", path, body, now + 400, "future-01");
    BOOST_TEST(client->post_json_text(path, body, future).status == 401u);
    auto forged = kiosk_signature_headers({"KIOSK-0001", "guessed-key"}, "POST", path, body);
    auto refused = client->post_json_text(path, body, forged);
    BOOST_TEST(refused.status == 401u);
    BOOST_TEST(refused.json()["message"] == "bad signature");
    auto unknown = kiosk_signature_headers({"KIOSK-9999", "k"}, "POST", path, body);
    BOOST_TEST(client->post_json_text(path, body, unknown).json()["message"] == "unknown terminal");
    BOOST_TEST(client->post(path, json::parse(body)).status == 401u);  // no signature at all

    BOOST_REQUIRE(server.stop() == 0);
    int rejected_known = 0;
    int rejected_unknown = 0;
    for (const auto& row : read_interactions(server)) {
        if (row["channel"] != "kiosk" || row["code"] != "unauthenticated")
            continue;
        BOOST_TEST(row["outcome"] == "rejected");
        BOOST_TEST(row["operation"] == "heartbeat");
        if (row["terminal_id"] == "KIOSK-0001") {
            ++rejected_known;
            BOOST_TEST(row["subchannel"] == "FS-CC-01");
        } else {
            ++rejected_unknown;
        }
    }
    BOOST_TEST(rejected_known == 4);    // replay, expired, future, forged
    BOOST_TEST(rejected_unknown == 2);  // unknown terminal, unsigned
}

BOOST_FIXTURE_TEST_CASE(the_menu_lists_the_operations_enabled_on_kiosks, RunningKiosk) {
    auto services = kiosk().get("/kiosk/v1/services");
    BOOST_TEST(services.status == 200u, services.body);
    bool cash = false;
    const json menu = services.json();
    for (const auto& service : menu["data"]["services"]) {
        if (service["plugin"] == "billing" && service["operation"] == "pay")
            cash = service["cash_by_msisdn"] == true;
    }
    BOOST_TEST(cash, services.body);
    BOOST_TEST(client
                   ->post("/admin/v1/plugins/family/disable", {{"channels", {"kiosk"}}},
                          bearer(admin_token))
                   .status == 200u);
    auto without = kiosk().get("/kiosk/v1/services").body;
    BOOST_TEST(without.find("\"family\"") == std::string::npos);
    const std::string token = kiosk().identify(demo_msisdn, demo_password);
    auto disabled = kiosk().post("/kiosk/v1/services/family/show", {{"customer_token", token}});
    BOOST_TEST(disabled.status == 403u);
    BOOST_TEST(disabled.json()["code"] == "plugin_disabled");
    BOOST_TEST(disabled.json()["receipt"]["receipt_no"] == "");
}

BOOST_AUTO_TEST_SUITE_END()
