// The points plugin under concurrent redemptions on the real SQLite file: stock and points
// never oversold, and the points ledger always explains the account totals.
#include <boost/test/unit_test.hpp>
#include <latch>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include "tests/plugin_tests/plugin_harness.hpp"

using ehall::ServiceResult;
using ehall::test::PluginHarness;

namespace {

constexpr const char* kZhang = "13800138000";
constexpr const char* kLi = "13900139000";

struct Attempt {
    std::string customer{};
    std::string item{};
};

// Runs every attempt on its own thread, all released at once; counts result codes.
std::map<std::string, int> redeem_at_once(PluginHarness& points,
                                          const std::vector<Attempt>& attempts) {
    std::map<std::string, int> codes;
    std::mutex codes_mutex;
    std::latch start(static_cast<std::ptrdiff_t>(attempts.size()));
    std::vector<std::thread> threads;
    for (std::size_t n = 0; n < attempts.size(); ++n) {
        threads.emplace_back([&, n] {
            const PluginHarness::Call call{.operation = "redeem",
                                           .params = {{"item", attempts[n].item}},
                                           .customer = attempts[n].customer,
                                           .idempotency_key = "concurrent-" + std::to_string(n)};
            start.arrive_and_wait();
            const ServiceResult result = points.call(call);
            std::lock_guard lock(codes_mutex);
            ++codes[result.code];
        });
    }
    for (auto& thread : threads)
        thread.join();
    return codes;
}

void set_points(PluginHarness& points, const std::string& msisdn, std::int64_t value) {
    points.store().write([&](ehall::Transaction& tx) {
        tx.execute("UPDATE accounts SET points = ? WHERE msisdn = ?", {value, msisdn});
    });
}

// The ledger explains the totals: the sum of the deltas is the change since the opening
// balances (the demo data opens with totals and no ledger rows), and nothing is negative.
void check_ledger(PluginHarness& points, const std::string& msisdn, std::int64_t opening_points,
                  std::int64_t opening_ecoins) {
    const ehall::SqlParams who{msisdn};
    const auto points_now =
        points.scalar("SELECT points AS value FROM accounts WHERE msisdn = ?", who);
    const auto ecoins_now =
        points.scalar("SELECT ecoins AS value FROM accounts WHERE msisdn = ?", who);
    BOOST_TEST(points.scalar("SELECT coalesce(sum(points_delta), 0) AS value FROM points_ledger "
                             "WHERE msisdn = ?",
                             who) == points_now - opening_points,
               msisdn);
    BOOST_TEST(points.scalar("SELECT coalesce(sum(ecoins_delta), 0) AS value FROM points_ledger "
                             "WHERE msisdn = ?",
                             who) == ecoins_now - opening_ecoins,
               msisdn);
    BOOST_TEST(points_now >= 0);
    BOOST_TEST(ecoins_now >= 0);
    // Every redemption is one ledger entry with the amounts it recorded.
    BOOST_TEST(points.scalar("SELECT coalesce(sum(points), 0) AS value FROM redemptions WHERE "
                             "msisdn = ?",
                             who) == opening_points - points_now);
    BOOST_TEST(points.scalar("SELECT count(*) AS value FROM redemptions WHERE msisdn = ?", who) ==
               points.scalar("SELECT count(*) AS value FROM points_ledger WHERE msisdn = ?", who));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(points_concurrency)

BOOST_AUTO_TEST_CASE(the_last_gift_goes_to_exactly_one_customer) {
    PluginHarness points("points");
    points.store().write([](ehall::Transaction& tx) {
        tx.execute("UPDATE rewards SET stock = 1 WHERE item = 'GIFT-UMBRELLA'");
    });
    set_points(points, kLi, 10000);
    std::vector<Attempt> attempts;
    for (int n = 0; n < 4; ++n) {
        attempts.push_back({kZhang, "GIFT-UMBRELLA"});
        attempts.push_back({kLi, "GIFT-UMBRELLA"});
    }
    auto codes = redeem_at_once(points, attempts);
    BOOST_TEST(codes["ok"] == 1);
    BOOST_TEST(codes["out_of_stock"] == 7);
    BOOST_TEST(codes.size() == 2u);
    BOOST_TEST(points.scalar("SELECT stock AS value FROM rewards WHERE item = 'GIFT-UMBRELLA'") ==
               0);
    BOOST_TEST(points.scalar("SELECT count(*) AS value FROM redemptions") == 1);
    check_ledger(points, kZhang, 12000, 300);
    check_ledger(points, kLi, 10000, 0);
    BOOST_TEST(points.scalar("SELECT sum(points) AS value FROM accounts") == 12000 + 10000 - 2500);
}

BOOST_AUTO_TEST_CASE(points_for_five_credits_buy_exactly_five) {
    PluginHarness points("points");
    set_points(points, kLi, 5000);
    auto codes = redeem_at_once(points, std::vector<Attempt>(8, {kLi, "HF10"}));
    BOOST_TEST(codes["ok"] == 5);
    BOOST_TEST(codes["insufficient_points"] == 3);
    BOOST_TEST(codes.size() == 2u);
    BOOST_TEST(points.scalar("SELECT points AS value FROM accounts WHERE msisdn = ?", {kLi}) == 0);
    BOOST_TEST(points.scalar("SELECT balance_fen AS value FROM accounts WHERE msisdn = ?", {kLi}) ==
               1200 + 5 * 1000);
    BOOST_TEST(points.scalar("SELECT count(*) AS value FROM balance_ledger WHERE msisdn = ? AND "
                             "kind = 'points_credit'",
                             {kLi}) == 5);
    check_ledger(points, kLi, 5000, 0);
}

BOOST_AUTO_TEST_CASE(ledger_explains_the_totals_after_a_mixed_day) {
    PluginHarness points("points",
                         {{"voucher_pool_csv",
                           std::string(EHALL_SOURCE_DIR) + "/config/demo/merchant_vouchers.csv"}});
    const auto zhang = [&](nlohmann::json params, std::string key = {}) {
        return points.call({.operation = "redeem",
                            .params = std::move(params),
                            .customer = kZhang,
                            .idempotency_key = std::move(key)});
    };
    BOOST_TEST(zhang({{"item", "HF10"}}, "mixed-1").code == "ok");
    BOOST_TEST(zhang({{"item", "HF10"}}, "mixed-1").code == "ok");  // replayed, not charged
    BOOST_TEST(zhang({{"item", "HF30"}}).code == "ok");
    BOOST_TEST(zhang({{"item", "VIP-LOUNGE"}}).code == "ok");
    BOOST_TEST(zhang({{"item", "MV-COFFEE20"}, {"pay_with", "ecoins"}}).code == "ok");
    BOOST_TEST(zhang({{"item", "VIP-LOUNGE"}}).code == "insufficient_points");  // 2300 left
    BOOST_TEST(
        points.call({.operation = "redeem", .params = {{"item", "HF10"}}, .customer = kLi}).code ==
        "insufficient_points");
    check_ledger(points, kZhang, 12000, 300);
    check_ledger(points, kLi, 800, 0);
    BOOST_TEST(points.scalar("SELECT min(points) AS value FROM accounts") >= 0);
    BOOST_TEST(points.scalar("SELECT min(ecoins) AS value FROM accounts") >= 0);
}

BOOST_AUTO_TEST_SUITE_END()
