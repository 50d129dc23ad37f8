// billing.pay (DESIGN §6b, §8): card payments through the sandbox acquirer, cash reported by
// kiosks, settlement only when the balance covers the due bill, idempotent retries, e-coins.
#include <boost/test/unit_test.hpp>

#include "tests/plugin_tests/plugin_harness.hpp"

using ehall::ServiceResult;
using ehall::test::PluginHarness;

namespace {

const std::string zhang = "13800138000";  // balance 5860, bill due 12850, card bound, 300 e-coins
const std::string li = "13900139000";     // balance 1200, no bill due, no card, 0 e-coins

std::int64_t balance(PluginHarness& h, const std::string& msisdn) {
    return h.scalar("SELECT balance_fen AS value FROM accounts WHERE msisdn = ?", {msisdn});
}
std::int64_t ecoins(PluginHarness& h, const std::string& msisdn) {
    return h.scalar("SELECT ecoins AS value FROM accounts WHERE msisdn = ?", {msisdn});
}
std::int64_t payments(PluginHarness& h) {
    return h.scalar("SELECT count(*) AS value FROM payments");
}
std::int64_t due(PluginHarness& h) {
    return h.call("bill").data["due_fen"].get<std::int64_t>();
}

ServiceResult pay(PluginHarness& h, std::int64_t amount_fen, const std::string& key,
                  const std::string& customer = zhang) {
    return h.call({.operation = "pay",
                   .params = {{"amount_fen", amount_fen}, {"method", "card"}},
                   .customer = customer,
                   .idempotency_key = key});
}

}  // namespace

BOOST_AUTO_TEST_SUITE(billing_payment)

BOOST_AUTO_TEST_CASE(card_payment_settles_the_bill_only_when_the_balance_covers_it) {
    PluginHarness billing("billing");
    auto first = pay(billing, 5000, "pay-part-1");
    BOOST_TEST_REQUIRE(first.code == "ok", first.message);
    BOOST_TEST(first.amount_fen.value_or(0) == 5000);
    BOOST_TEST(first.data["amount_fen"] == 5000);
    BOOST_TEST(first.data["balance_fen"] == 10860);
    BOOST_TEST(first.data["settled_fen"] == 0);
    BOOST_TEST(first.data["settled_months"].empty());
    BOOST_TEST(first.data["ecoins_awarded"] == 50);  // one a yuan
    BOOST_TEST(first.data["reference"].get<std::string>().starts_with("SBX-"));
    const auto id = first.data["payment_id"].get<std::int64_t>();
    char receipt[32];
    std::snprintf(receipt, sizeof receipt, "P%010lld", static_cast<long long>(id));
    BOOST_TEST(first.data["receipt_no"] == receipt);
    BOOST_TEST(first.data["time"].get<std::string>().size() == 19u);  // YYYY-MM-DD hh:mm:ss
    BOOST_TEST(balance(billing, zhang) == 10860);
    BOOST_TEST(due(billing) == 12850);

    auto second = pay(billing, 2000, "pay-part-2");
    BOOST_TEST_REQUIRE(second.code == "ok", second.message);
    BOOST_TEST(second.data["balance_fen"] == 10);
    BOOST_TEST(second.data["settled_fen"] == 12850);
    BOOST_TEST(second.data["settled_months"].size() == 1u);
    BOOST_TEST(balance(billing, zhang) == 10);
    BOOST_TEST(due(billing) == 0);
    BOOST_TEST(ecoins(billing, zhang) == 300 + 50 + 20);
    BOOST_TEST(payments(billing) == 2);
    BOOST_TEST(billing.scalar("SELECT count(*) AS value FROM points_ledger "
                              "WHERE reason = 'epayment_reward'") == 2);

    auto history = billing.call("history").data["entries"];
    BOOST_TEST_REQUIRE(history.size() == 2u);
    BOOST_TEST(history[0]["kind"] == "payment");
    BOOST_TEST(history[0]["amount_fen"] == 2000);
    BOOST_TEST(history[0]["channel"] == "web");
    BOOST_TEST(history[0]["reference"] == second.data["receipt_no"]);
    BOOST_TEST(history[1]["amount_fen"] == 5000);
}

BOOST_AUTO_TEST_CASE(a_retry_with_the_same_key_replays_the_first_result) {
    PluginHarness billing("billing");
    auto first = pay(billing, 3000, "pay-retry-1");
    BOOST_TEST_REQUIRE(first.code == "ok", first.message);
    BOOST_TEST(!first.data.contains("replayed"));

    auto again = pay(billing, 3000, "pay-retry-1");
    BOOST_TEST(again.code == "ok");
    BOOST_TEST(again.data["replayed"] == true);
    BOOST_TEST(again.data["payment_id"] == first.data["payment_id"]);
    BOOST_TEST(again.data["balance_fen"] == first.data["balance_fen"]);
    BOOST_TEST(!again.amount_fen.has_value());  // the money moved once, journaled once
    BOOST_TEST(balance(billing, zhang) == 8860);
    BOOST_TEST(payments(billing) == 1);
    BOOST_TEST(ecoins(billing, zhang) == 330);  // awarded once

    auto other_amount = pay(billing, 3100, "pay-retry-1");
    BOOST_TEST(other_amount.code == "bad_request");
    BOOST_TEST(balance(billing, zhang) == 8860);
    BOOST_TEST(payments(billing) == 1);
}

BOOST_AUTO_TEST_CASE(declined_cards_and_missing_cards_change_nothing) {
    PluginHarness billing("billing");
    auto declined = pay(billing, 66600, "pay-declined");  // the sandbox's decline trigger
    BOOST_TEST(declined.code == "payment_failed");
    BOOST_TEST(!declined.amount_fen.has_value());
    BOOST_TEST(balance(billing, zhang) == 5860);
    BOOST_TEST(ecoins(billing, zhang) == 300);
    BOOST_TEST(payments(billing) == 0);
    BOOST_TEST(billing.scalar("SELECT count(*) AS value FROM operation_results") == 0);
    // Nothing was recorded, so the same key may try again with another amount.
    BOOST_TEST(pay(billing, 1000, "pay-declined").code == "ok");

    auto no_card = pay(billing, 1000, "pay-no-card", li);
    BOOST_TEST(no_card.code == "payment_failed");
    BOOST_TEST(no_card.message == "no bound bank card");
    BOOST_TEST(balance(billing, li) == 1200);
    BOOST_TEST(payments(billing) == 1);
}

BOOST_AUTO_TEST_CASE(cash_is_accepted_only_from_kiosks) {
    PluginHarness billing("billing");
    auto cash = [&](const std::string& channel, const std::string& terminal,
                    const std::string& key) {
        return billing.call({.operation = "pay",
                             .params = {{"amount_fen", 1000}, {"method", "cash"}},
                             .customer = li,
                             .idempotency_key = key,
                             .channel = channel,
                             .terminal_id = terminal});
    };
    auto from_web = cash("web", "", "cash-web-1");
    BOOST_TEST(from_web.code == "bad_request");
    BOOST_TEST(from_web.message == "cash payments are reported by kiosks");
    BOOST_TEST(payments(billing) == 0);

    auto paid = cash("kiosk", "KIOSK-0001", "txn-000017");
    BOOST_TEST_REQUIRE(paid.code == "ok", paid.message);
    BOOST_TEST(paid.amount_fen.value_or(0) == 1000);
    BOOST_TEST(paid.data["balance_fen"] == 2200);
    BOOST_TEST(paid.data["method"] == "cash");
    BOOST_TEST(paid.data["terminal_id"] == "KIOSK-0001");
    BOOST_TEST(paid.data["masked_name"] == "李*");
    BOOST_TEST(!paid.data.contains("reference"));
    BOOST_TEST(billing.scalar("SELECT count(*) AS value FROM payments WHERE method = 'cash' "
                              "AND channel = 'kiosk' AND terminal_id = 'KIOSK-0001' "
                              "AND msisdn = ?",
                              {li}) == 1);
    BOOST_TEST(ecoins(billing, li) == 10);

    // The terminal's retry counts once; another terminal's transaction with the same
    // number is its own payment.
    BOOST_TEST(cash("kiosk", "KIOSK-0001", "txn-000017").data["replayed"] == true);
    BOOST_TEST(cash("kiosk", "KIOSK-0002", "txn-000017").code == "ok");
    BOOST_TEST(balance(billing, li) == 3200);
    BOOST_TEST(payments(billing) == 2);
}

// E-coin farming: a flat award per payment let 1-fen payments buy merchant vouchers. Now
// e-coins follow the yuan paid, from a minimum amount, up to a daily cap per customer.
BOOST_AUTO_TEST_CASE(e_coins_follow_the_amount_from_a_minimum_up_to_a_daily_cap) {
    PluginHarness billing("billing");  // defaults: 1 a yuan, from 10 yuan, 100 a day
    for (int i = 0; i < 20; ++i) {
        auto tiny = pay(billing, 1, "pay-tiny-" + std::to_string(i));
        BOOST_TEST_REQUIRE(tiny.code == "ok", tiny.message);
        BOOST_TEST(tiny.data["ecoins_awarded"] == 0);
    }
    BOOST_TEST(pay(billing, 999, "pay-just-below").data["ecoins_awarded"] == 0);
    BOOST_TEST(pay(billing, 1099, "pay-at-minimum").data["ecoins_awarded"] == 10);  // whole yuan
    BOOST_TEST(pay(billing, 8000, "pay-large").data["ecoins_awarded"] == 80);
    BOOST_TEST(pay(billing, 5000, "pay-over-cap").data["ecoins_awarded"] == 10);  // 100 a day
    BOOST_TEST(pay(billing, 5000, "pay-capped").data["ecoins_awarded"] == 0);
    BOOST_TEST(ecoins(billing, zhang) == 300 + 100);
    // The cap is the customer's own; cash counted by a kiosk earns them too.
    auto cash = billing.call({.operation = "pay",
                              .params = {{"amount_fen", 2000}, {"method", "cash"}},
                              .customer = li,
                              .idempotency_key = "txn-li-1",
                              .channel = "kiosk",
                              .terminal_id = "KIOSK-0001"});
    BOOST_TEST(cash.data["ecoins_awarded"] == 20);
}

BOOST_AUTO_TEST_CASE(e_coin_rules_come_from_the_config) {
    PluginHarness billing(
        "billing",
        {{"ecoins_per_yuan", 3}, {"ecoins_min_amount_fen", 100}, {"ecoins_daily_cap", 40}});
    // Without a method the payment is by card, as for the SMS command "JF <yuan>".
    auto paid = billing.call(
        {.operation = "pay", .params = {{"amount_fen", 1000}}, .idempotency_key = "pay-ecoins"});
    BOOST_TEST_REQUIRE(paid.code == "ok", paid.message);
    BOOST_TEST(paid.data["method"] == "card");
    BOOST_TEST(paid.data["ecoins_awarded"] == 30);
    BOOST_TEST(pay(billing, 1000, "pay-ecoins-2").data["ecoins_awarded"] == 10);
    BOOST_TEST(ecoins(billing, zhang) == 340);
    PluginHarness none("billing", {{"ecoins_per_yuan", 0}});
    BOOST_TEST(pay(none, 100000, "pay-no-ecoins").data["ecoins_awarded"] == 0);
}

BOOST_AUTO_TEST_SUITE_END()
