// billing.topup_voucher: a PIN credits once; wrong PINs count per customer and Asia/Shanghai
// day, and after five of them voucher top-ups are locked until the next day.
#include <boost/test/unit_test.hpp>

#include <ehall/clock.hpp>
#include "tests/plugin_tests/plugin_harness.hpp"

using ehall::ServiceResult;
using ehall::test::PluginHarness;

namespace {

const std::string zhang = "13800138000";  // balance 5860, bill due 12850
const std::string li = "13900139000";     // balance 1200, no bill due
const std::string unknown_pin = "1999999999999999999";

std::int64_t balance(PluginHarness& h, const std::string& msisdn) {
    return h.scalar("SELECT balance_fen AS value FROM accounts WHERE msisdn = ?", {msisdn});
}

ServiceResult top_up(PluginHarness& h, const std::string& pin, const std::string& customer = zhang,
                     const std::string& key = {}) {
    return h.call({.operation = "topup_voucher",
                   .params = {{"pin", pin}},
                   .customer = customer,
                   .idempotency_key = key});
}

}  // namespace

BOOST_AUTO_TEST_SUITE(billing_voucher)

BOOST_AUTO_TEST_CASE(a_voucher_credits_once) {
    PluginHarness billing("billing");
    auto first = top_up(billing, "1000000000000000001", zhang, "topup-1");
    BOOST_TEST_REQUIRE(first.code == "ok", first.message);
    BOOST_TEST(first.amount_fen.value_or(0) == 5000);
    BOOST_TEST(first.data["amount_fen"] == 5000);
    BOOST_TEST(first.data["balance_fen"] == 10860);
    BOOST_TEST(first.data["settled_fen"] == 0);  // 10860 does not cover the 12850 bill
    BOOST_TEST(balance(billing, zhang) == 10860);
    BOOST_TEST(billing.scalar("SELECT count(*) AS value FROM vouchers WHERE pin = ? AND "
                              "used_by = ? AND used_at_ms > 0",
                              {std::string("1000000000000000001"), zhang}) == 1);

    auto replay = top_up(billing, "1000000000000000001", zhang, "topup-1");
    BOOST_TEST(replay.code == "ok");
    BOOST_TEST(replay.data["replayed"] == true);
    BOOST_TEST(!replay.amount_fen.has_value());

    auto reused = top_up(billing, "1000000000000000001", zhang, "topup-2");
    BOOST_TEST(reused.code == "voucher_used");
    BOOST_TEST(!reused.amount_fen.has_value());
    BOOST_TEST(top_up(billing, unknown_pin).code == "voucher_invalid");
    BOOST_TEST(balance(billing, zhang) == 10860);

    // A second voucher covers the bill: settled at once, in full.
    auto second = top_up(billing, "1000000000000000002");
    BOOST_TEST(second.data["balance_fen"] == 10860 + 5000 - 12850);
    BOOST_TEST(second.data["settled_fen"] == 12850);

    auto history = billing.call("history").data["entries"];
    BOOST_TEST_REQUIRE(history.size() == 2u);
    BOOST_TEST(history[0]["kind"] == "voucher");
    BOOST_TEST(history[0]["amount_fen"] == 5000);
}

BOOST_AUTO_TEST_CASE(five_wrong_pins_lock_voucher_top_ups_for_the_day) {
    PluginHarness billing("billing");
    const std::string valid = "1000000000000000004";
    BOOST_TEST_REQUIRE(top_up(billing, "1000000000000000005", li).is_ok());
    // Wrong PINs: unknown ones and a used one alike.
    BOOST_TEST(top_up(billing, "1000000000000000005").code == "voucher_used");
    for (int attempt = 2; attempt <= 5; ++attempt) {
        auto wrong = top_up(billing, unknown_pin);
        BOOST_TEST(wrong.code == "voucher_invalid", "attempt " << attempt);
    }
    auto locked = top_up(billing, valid);
    BOOST_TEST(locked.code == "locked");
    BOOST_TEST(!locked.amount_fen.has_value());
    BOOST_TEST(balance(billing, zhang) == 5860);
    BOOST_TEST(billing.scalar("SELECT count(*) AS value FROM vouchers WHERE pin = ? AND "
                              "used_by IS NULL",
                              {valid}) == 1);
    BOOST_TEST(billing.scalar("SELECT count(*) AS value FROM billing_voucher_failures "
                              "WHERE msisdn = ?",
                              {zhang}) == 5);

    // Another customer is not locked, and failures from an earlier day do not count.
    const std::int64_t yesterday = ehall::now_ms() - 25LL * 3600 * 1000;
    billing.store().write([&](ehall::Transaction& tx) {
        for (int n = 0; n < 5; ++n) {
            tx.execute("INSERT INTO billing_voucher_failures (msisdn, ts_ms) VALUES (?, ?)",
                       {li, yesterday});
        }
    });
    auto other = top_up(billing, valid, li);
    BOOST_TEST(other.code == "ok", other.message);
    BOOST_TEST(balance(billing, li) == 1200 + 5000 + 5000);
}

BOOST_AUTO_TEST_CASE(attempts_per_day_come_from_the_config) {
    PluginHarness billing("billing", {{"voucher_attempts_per_day", 2}});
    BOOST_TEST(top_up(billing, unknown_pin).code == "voucher_invalid");
    BOOST_TEST(top_up(billing, unknown_pin).code == "voucher_invalid");
    BOOST_TEST(top_up(billing, "1000000000000000001").code == "locked");
}

BOOST_AUTO_TEST_SUITE_END()
