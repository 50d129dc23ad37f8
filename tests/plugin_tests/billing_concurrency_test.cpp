// billing.pay and billing.topup_voucher from many real threads against one SQLite file: every
// distinct payment counts, a retried key or a contested voucher PIN counts exactly once.
#include <boost/test/unit_test.hpp>
#include <latch>
#include <mutex>
#include <set>
#include <thread>

#include "tests/plugin_tests/plugin_harness.hpp"

using ehall::ServiceResult;
using ehall::test::PluginHarness;

namespace {

const std::string zhang = "13800138000";  // balance 5860, bill due 12850, 300 e-coins
const std::string li = "13900139000";     // balance 1200

std::int64_t balance(PluginHarness& h, const std::string& msisdn) {
    return h.scalar("SELECT balance_fen AS value FROM accounts WHERE msisdn = ?", {msisdn});
}

// Runs `work(thread_index)` on `threads` threads released together; the results in order.
std::vector<ServiceResult> together(int threads, const std::function<ServiceResult(int)>& work) {
    std::vector<ServiceResult> results(static_cast<std::size_t>(threads));
    std::latch start(threads);
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) {
        pool.emplace_back([&, t] {
            start.arrive_and_wait();
            results[static_cast<std::size_t>(t)] = work(t);
        });
    }
    for (auto& thread : pool)
        thread.join();
    return results;
}

ServiceResult pay(PluginHarness& h, std::int64_t amount_fen, const std::string& key) {
    return h.call({.operation = "pay",
                   .params = {{"amount_fen", amount_fen}, {"method", "card"}},
                   .idempotency_key = key});
}

}  // namespace

BOOST_AUTO_TEST_SUITE(billing_concurrency)

BOOST_AUTO_TEST_CASE(eighty_concurrent_card_payments_all_count) {
    PluginHarness billing("billing");
    constexpr int threads = 8;
    constexpr int per_thread = 10;
    std::mutex failures_mutex;
    std::vector<std::string> failures;
    together(threads, [&](int t) {
        for (int n = 0; n < per_thread; ++n) {
            auto result = pay(billing, 100, "pay-" + std::to_string(t) + "-" + std::to_string(n));
            if (!result.is_ok()) {
                std::lock_guard lock(failures_mutex);
                failures.push_back(result.code + ": " + result.message);
            }
        }
        return ServiceResult{};
    });
    BOOST_TEST(failures.empty(), (failures.empty() ? "" : failures.front()));
    // 5860 + 80 x 100 covers the 12850 bill once along the way.
    BOOST_TEST(balance(billing, zhang) == 5860 + 8000 - 12850);
    BOOST_TEST(billing.scalar("SELECT count(*) AS value FROM payments") == 80);
    BOOST_TEST(billing.scalar("SELECT coalesce(sum(amount_fen), 0) AS value FROM payments") ==
               8000);
    BOOST_TEST(billing.scalar("SELECT count(*) AS value FROM bills WHERE status = 'due'") == 0);
    // One yuan each: below the minimum for e-coins.
    BOOST_TEST(billing.scalar("SELECT ecoins AS value FROM accounts WHERE msisdn = ?", {zhang}) ==
               300);
}

BOOST_AUTO_TEST_CASE(eight_threads_retrying_one_key_pay_once) {
    PluginHarness billing("billing");
    auto results = together(8, [&](int) { return pay(billing, 1500, "pay-same-key"); });
    std::set<std::int64_t> payment_ids;
    int first_results = 0;
    for (const auto& result : results) {
        BOOST_TEST_REQUIRE(result.code == "ok", result.message);
        payment_ids.insert(result.data["payment_id"].get<std::int64_t>());
        if (!result.data.contains("replayed")) {
            ++first_results;
            BOOST_TEST(result.amount_fen.value_or(0) == 1500);
        } else {
            BOOST_TEST(!result.amount_fen.has_value());
        }
    }
    BOOST_TEST(payment_ids.size() == 1u);
    BOOST_TEST(first_results == 1);
    BOOST_TEST(billing.scalar("SELECT count(*) AS value FROM payments") == 1);
    BOOST_TEST(balance(billing, zhang) == 5860 + 1500);
    BOOST_TEST(billing.scalar("SELECT ecoins AS value FROM accounts WHERE msisdn = ?", {zhang}) ==
               315);
}

BOOST_AUTO_TEST_CASE(two_customers_racing_for_one_voucher_credit_it_once) {
    PluginHarness billing("billing");
    const std::string customers[] = {zhang, li};
    auto results = together(2, [&](int t) {
        return billing.call({.operation = "topup_voucher",
                             .params = {{"pin", "1000000000000000003"}},
                             .customer = customers[t]});
    });
    std::multiset<std::string> codes = {results[0].code, results[1].code};
    BOOST_TEST((codes == std::multiset<std::string>{"ok", "voucher_used"}));
    BOOST_TEST(balance(billing, zhang) + balance(billing, li) == 5860 + 1200 + 5000);
    const std::string winner = results[0].is_ok() ? zhang : li;
    BOOST_TEST(
        billing.scalar("SELECT count(*) AS value FROM vouchers WHERE used_by = ?", {winner}) == 1);
    BOOST_TEST(
        billing.scalar("SELECT count(*) AS value FROM balance_ledger WHERE kind = 'voucher'") == 1);
}

// Parallel guessing: the failures are counted and the guess checked in one write
// transaction, so twenty wrong PINs at once get the day's five checks and no more.
BOOST_AUTO_TEST_CASE(twenty_parallel_wrong_pins_get_the_days_attempts_and_no_more) {
    PluginHarness billing("billing");
    auto results = together(20, [&](int t) {
        return billing.call({.operation = "topup_voucher",
                             .params = {{"pin", std::to_string(1999999999999999900LL + t)}},
                             .customer = zhang});
    });
    const auto count = [&](const char* code) {
        return std::count_if(results.begin(), results.end(),
                             [&](const ServiceResult& r) { return r.code == code; });
    };
    BOOST_TEST(count("voucher_invalid") == 5);
    BOOST_TEST(count("locked") == 15);
    BOOST_TEST(
        billing.scalar("SELECT count(*) AS value FROM billing_voucher_failures WHERE msisdn = ?",
                       {zhang}) == 5);
}

BOOST_AUTO_TEST_SUITE_END()
