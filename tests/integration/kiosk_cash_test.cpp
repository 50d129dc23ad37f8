// Kiosk cash against the real binary (docs/kiosk-cash.md): the notes a signed terminal
// reports are what an intake pays, forged reports credit nothing, the per-transaction and
// daily caps hold on the note path and on the native pay path (two payments at once
// included), retries count once, and the cash box figures ops reconcile.
#include <boost/test/unit_test.hpp>
#include <thread>

#include "tests/support/journal_reader.hpp"
#include "tests/support/kiosk_test_server.hpp"
#include "tests/support/store_state.hpp"

using namespace ehall::test;
using nlohmann::json;

namespace {

json cash_payment(std::int64_t amount_fen, const std::string& kiosk_txn) {
    return {{"msisdn", demo_msisdn},
            {"amount_fen", amount_fen},
            {"method", "cash"},
            {"kiosk_txn", kiosk_txn}};
}

json heartbeat_counting(std::int64_t cash_box_fen) {
    return {{"printer_paper", "ok"},
            {"cash_box", "ok"},
            {"version", "2.3.1"},
            {"cash_box_fen", cash_box_fen}};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(kiosk_cash)

BOOST_FIXTURE_TEST_CASE(the_notes_the_signed_terminal_reports_are_what_an_intake_pays,
                        RunningKiosk) {
    auto device = kiosk();
    auto no_intake = device.note(1, 5000);
    BOOST_TEST(no_intake.status == 404u, no_intake.body);  // the acceptor gives it back
    BOOST_TEST(no_intake.json()["code"] == "not_found");

    auto opened = device.post("/kiosk/v1/cash/intakes", {{"msisdn", demo_msisdn}});
    BOOST_TEST(opened.status == 200u, opened.body);
    const json intake = opened.json()["data"];
    BOOST_TEST(intake["masked_name"] == "张*");
    BOOST_TEST(intake["due_fen"] == 12850);
    BOOST_TEST(intake["total_fen"] == 0);
    BOOST_TEST(intake["held"] == false);
    const std::string id = intake.value("intake_id", "");
    BOOST_TEST(device.post("/kiosk/v1/cash/intakes/" + id + "/pay", json::object()).status ==
               400u);  // nothing in it yet

    BOOST_TEST(device.note(2, 5000).json()["data"]["total_fen"] == 5000);
    auto retried = device.note(2, 5000);  // the reply was lost: the same note, once
    BOOST_TEST(retried.json()["data"]["replayed"] == true);
    BOOST_TEST(retried.json()["data"]["total_fen"] == 5000);
    BOOST_TEST(device.note(2, 10000).status == 400u);  // the same number, another note
    BOOST_TEST(device.note("N-3", 10000).json()["data"]["total_fen"] == 15000);
    BOOST_TEST(device.note(4, 300).status == 400u);  // no such note
    BOOST_TEST(device.get("/kiosk/v1/cash/intakes/" + id).json()["data"]["total_fen"] == 15000);

    // The amount in the body is not the intake's: the route takes none.
    auto paid = device.post("/kiosk/v1/cash/intakes/" + id + "/pay", {{"amount_fen", 99999900}});
    BOOST_TEST(paid.status == 200u, paid.body);
    BOOST_TEST(paid.json()["data"]["amount_fen"] == 15000);
    BOOST_TEST(paid.json()["receipt"]["amount_fen"] == 15000);
    auto tapped_twice = device.post("/kiosk/v1/cash/intakes/" + id + "/pay", json::object());
    BOOST_TEST(tapped_twice.json()["data"]["replayed"] == true);
    BOOST_TEST(tapped_twice.json()["receipt"] == paid.json()["receipt"]);
    BOOST_TEST(device.note(5, 1000).status == 404u);  // paid: no intake takes notes now
    BOOST_TEST(device.balance_fen(demo_msisdn, demo_password) == 5860 + 15000 - 12850);

    BOOST_REQUIRE(server.stop() == 0);
    std::int64_t paid_fen = 0;
    for (const auto& row : read_interactions(server)) {
        if (row["plugin"] == "billing" && row["operation"] == "pay" && row["outcome"] == "ok" &&
            row["amount_fen"].is_number())
            paid_fen += row["amount_fen"].get<std::int64_t>();
    }
    BOOST_TEST(paid_fen == 15000);
}

BOOST_FIXTURE_TEST_CASE(forged_and_unsigned_note_reports_credit_nothing, RunningKiosk) {
    const std::string id = kiosk().open_intake(demo_msisdn);
    BOOST_REQUIRE(!id.empty());
    const std::string path = "/kiosk/v1/cash/notes";
    const std::string body = R"({"note_id":1,"amount_fen":10000})";
    BOOST_TEST(client->post(path, json::parse(body)).status == 401u);
    auto forged = client->post_json_text(
        path, body, kiosk_signature_headers({"KIOSK-0001", "guessed"}, "POST", path, body));
    BOOST_TEST(forged.status == 401u);
    BOOST_TEST(forged.json()["message"] == "bad signature");
    // Another terminal's own key reaches only its own intakes.
    auto other = register_terminal("KIOSK-0002", "FS-CC-01");
    BOOST_TEST(kiosk(other).note(1, 10000).status == 404u);
    BOOST_TEST(kiosk(other).get("/kiosk/v1/cash/intakes/" + id).status == 404u);
    BOOST_TEST(kiosk(other).post("/kiosk/v1/cash/intakes/" + id + "/pay", json::object()).status ==
               404u);
    BOOST_TEST(kiosk().get("/kiosk/v1/cash/intakes/" + id).json()["data"]["total_fen"] == 0);
}

BOOST_AUTO_TEST_CASE(the_caps_hold_on_the_note_path_and_the_pay_path) {
    RunningKiosk running(RunningKiosk::cash_capped(20000, 35000));
    auto device = running.kiosk();
    const std::string id = device.open_intake(demo_msisdn);
    BOOST_TEST(device.note(1, 10000).status == 200u);
    BOOST_TEST(device.note(2, 10000).status == 200u);
    auto over = device.note(3, 100);
    BOOST_TEST(over.status == 422u, over.body);
    BOOST_TEST(over.json()["code"] == "limit_exceeded");
    BOOST_TEST(over.json()["message"].get<std::string>().find("kiosk.cash_per_transaction_fen") !=
               std::string::npos);
    BOOST_TEST(device.note(3, 100).json()["code"] == "limit_exceeded");  // a retry: the same
    BOOST_TEST(device.post("/kiosk/v1/cash/intakes/" + id + "/pay", json::object()).status == 200u);

    auto too_much = device.post("/kiosk/v1/services/billing/pay", cash_payment(20100, "T-1"));
    BOOST_TEST(too_much.status == 422u, too_much.body);
    BOOST_TEST(too_much.json()["code"] == "limit_exceeded");
    BOOST_TEST(device.post("/kiosk/v1/services/billing/pay", cash_payment(10000, "T-2")).status ==
               200u);
    // 30000 taken today: 5000 more is the cap, 5100 is over it, on either path.
    device.open_intake(demo_msisdn);
    auto over_the_day = device.note(4, 10000);
    BOOST_TEST(over_the_day.json()["code"] == "limit_exceeded");
    BOOST_TEST(over_the_day.json()["message"].get<std::string>().find("kiosk.cash_daily_fen") !=
               std::string::npos);
    auto day = device.post("/kiosk/v1/services/billing/pay", cash_payment(5100, "T-3"));
    BOOST_TEST(day.json()["code"] == "limit_exceeded", day.body);
    BOOST_TEST(device.note(5, 5000).status == 200u);
    BOOST_TEST(device.note(6, 100).json()["code"] == "limit_exceeded");
    BOOST_TEST(device.balance_fen(demo_msisdn, demo_password) == 5860 + 30000 - 12850);

    BOOST_REQUIRE(running.server.stop() == 0);
    int refused = 0;
    for (const auto& row : read_interactions(running.server)) {
        if (row["code"] == "limit_exceeded") {
            ++refused;
            BOOST_TEST(row["outcome"] == "declined");
            BOOST_TEST(row["terminal_id"] == "KIOSK-0001");
        }
    }
    BOOST_TEST(refused == 6);
}

BOOST_AUTO_TEST_CASE(payments_at_once_pass_the_daily_cap_together_only_as_far_as_it_goes) {
    RunningKiosk running(RunningKiosk::cash_capped(5000, 20000));
    constexpr int payers = 8;  // 40000 asked for at once; the day takes 20000
    std::vector<unsigned> statuses(payers);
    std::vector<std::thread> threads;
    for (int i = 0; i < payers; ++i) {
        threads.emplace_back([&, i] {
            HttpClient own(running.server.port());
            KioskClient device{own, demo_kiosk};
            statuses[i] = device
                              .post("/kiosk/v1/services/billing/pay",
                                    cash_payment(5000, "T-" + std::to_string(i)))
                              .status;
        });
    }
    for (auto& thread : threads)
        thread.join();
    BOOST_TEST(std::count(statuses.begin(), statuses.end(), 200u) == 4);
    BOOST_TEST(std::count(statuses.begin(), statuses.end(), 422u) == 4);
    BOOST_TEST(running.kiosk().balance_fen(demo_msisdn, demo_password) == 5860 + 20000 - 12850);
}

BOOST_AUTO_TEST_CASE(a_retried_cash_payment_is_held_and_paid_once) {
    RunningKiosk running(RunningKiosk::cash_capped(10000, 15000));
    auto device = running.kiosk();
    auto first = device.post("/kiosk/v1/services/billing/pay", cash_payment(10000, "T-1"));
    BOOST_TEST(first.status == 200u, first.body);
    // Under the cap only once: the retry is the same payment, not another 10000.
    auto retry = device.post("/kiosk/v1/services/billing/pay", cash_payment(10000, "T-1"));
    BOOST_TEST(retry.status == 200u, retry.body);
    BOOST_TEST(retry.json()["data"]["replayed"] == true);
    BOOST_TEST(device.post("/kiosk/v1/services/billing/pay", cash_payment(9000, "T-1")).status ==
               400u);  // the number names another amount
    BOOST_TEST(device.post("/kiosk/v1/services/billing/pay", cash_payment(10000, "T-2")).status ==
               422u);
    BOOST_TEST(device.balance_fen(demo_msisdn, demo_password) == 5860 + 10000 - 12850);
}

BOOST_FIXTURE_TEST_CASE(the_cash_box_is_reconciled_with_the_cash_taken, RunningKiosk) {
    auto device = kiosk();
    const std::string paid = device.open_intake(demo_msisdn);
    device.note(1, 10000);
    device.note(2, 5000);
    BOOST_REQUIRE(device.post("/kiosk/v1/cash/intakes/" + paid + "/pay", json::object()).status ==
                  200u);
    BOOST_REQUIRE(device.post("/kiosk/v1/services/billing/pay", cash_payment(2000, "T-1")).status ==
                  200u);
    BOOST_REQUIRE(device.post("/kiosk/v1/services/billing/pay", cash_payment(700, "T-2")).status ==
                  200u);
    const std::string unpaid = device.open_intake(other_msisdn);
    device.note(3, 1000);  // in the box, not paid yet
    // The next customer cannot lose it: the intake holding cash comes back to be paid.
    auto held = device.post("/kiosk/v1/cash/intakes", {{"msisdn", demo_msisdn}});
    BOOST_TEST(held.json()["data"]["held"] == true);
    BOOST_TEST(held.json()["data"]["intake_id"] == unpaid);
    BOOST_TEST(held.json()["data"]["masked_msisdn"] == "139****9000");

    auto listed = terminal_listed("KIOSK-0001");
    BOOST_TEST(listed["cash"]["expected_fen"] == 18700);
    BOOST_TEST(listed["cash"]["reported_fen"].is_null());
    BOOST_TEST(listed["cash"]["difference_fen"].is_null());

    for (int beat = 0; beat < 2; ++beat)  // one warning for the same difference
        BOOST_TEST(device.post("/kiosk/v1/heartbeat", heartbeat_counting(17700)).status == 200u);
    listed = terminal_listed("KIOSK-0001");
    BOOST_TEST(listed["cash"]["reported_fen"] == 17700);
    BOOST_TEST(listed["cash"]["difference_fen"] == -1000);
    BOOST_TEST(listed["device"]["cash_box_fen"] == 17700);
    BOOST_TEST(client->get("/metrics").body.find("ehall_kiosk_cash_box_mismatches 1") !=
               std::string::npos);
    BOOST_TEST(device.post("/kiosk/v1/heartbeat", heartbeat_counting(-5)).status == 400u);

    const std::string collect = "/admin/v1/terminals/KIOSK-0001/cash-collected";
    BOOST_TEST(client->post(collect, {{"counted_fen", 17700}}).status == 401u);
    BOOST_TEST(client->post(collect, {{"counted_fen", "lots"}}, bearer(admin_token)).status ==
               400u);
    auto collected = client->post(collect, {{"counted_fen", 17700}}, bearer(admin_token));
    BOOST_TEST(collected.status == 200u, collected.body);
    BOOST_TEST(collected.json()["expected_fen"] == 18700);
    BOOST_TEST(collected.json()["difference_fen"] == -1000);
    listed = terminal_listed("KIOSK-0001");
    BOOST_TEST(listed["cash"]["expected_fen"] == 0);
    BOOST_TEST(!listed["cash"]["collected_at"].get<std::string>().empty());
    BOOST_TEST(device.post("/kiosk/v1/heartbeat", heartbeat_counting(0)).status == 200u);
    BOOST_TEST(client->get("/metrics").body.find("ehall_kiosk_cash_box_mismatches 0") !=
               std::string::npos);
    device.note(4, 500);  // after the collection: the unpaid intake's second note
    BOOST_TEST(terminal_listed("KIOSK-0001")["cash"]["expected_fen"] == 500);

    auto audit = client->get("/admin/v1/audit?target=terminal:KIOSK-0001", bearer(admin_token));
    BOOST_TEST(audit.body.find("terminal.cash_collected") != std::string::npos, audit.body);
    BOOST_TEST(audit.body.find("17700") != std::string::npos, audit.body);
    BOOST_TEST(client
                   ->post("/admin/v1/terminals/NO-SUCH/cash-collected", {{"counted_fen", 0}},
                          bearer(admin_token))
                   .status == 404u);
    BOOST_REQUIRE(server.stop() == 0);
    const std::string log = server.stderr_text();
    std::size_t warnings = 0;
    for (auto at = log.find("cash box: counted"); at != std::string::npos;
         at = log.find("cash box: counted", at + 1))
        ++warnings;
    BOOST_TEST(warnings == 1u, log);
}

BOOST_AUTO_TEST_SUITE_END()
