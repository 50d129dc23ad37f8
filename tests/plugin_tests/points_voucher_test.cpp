// The points plugin's merchant-alliance vouchers: the code pool and its CSV import, paying
// with e-coins, and retries with the same idempotency key.
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "gateway/base/random_token.hpp"
#include "gateway/host/host_context.hpp"
#include "tests/plugin_tests/plugin_harness.hpp"

using ehall::ServiceResult;
using ehall::test::PluginHarness;

namespace {

constexpr const char* kZhang = "13800138000";  // 12000 points, 300 e-coins

nlohmann::json demo_pool_config() {
    return {
        {"voucher_pool_csv", std::string(EHALL_SOURCE_DIR) + "/config/demo/merchant_vouchers.csv"}};
}

std::int64_t unused_codes(PluginHarness& points) {
    return points.scalar(
        "SELECT count(*) AS value FROM merchant_voucher_codes WHERE issued_to IS NULL");
}

std::int64_t account(PluginHarness& points, const std::string& column) {
    return points.scalar("SELECT " + column + " AS value FROM accounts WHERE msisdn = ?", {kZhang});
}

// A CSV file in the harness's directory; the text of the error when starting the plugin
// with it as its pool is refused, "" when it starts.
std::string start_with_pool(PluginHarness& points, const std::string& csv) {
    const auto path = points.dir() / ("pool-" + ehall::random_hex(4) + ".csv");
    std::ofstream(path) << csv;
    ehall::HostContext context(points.store(), {{"voucher_pool_csv", path.string()}}, true,
                               "points");
    try {
        points.plugin().start(context);
    } catch (const std::invalid_argument& e) {
        return e.what();
    }
    return {};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(points_vouchers)

BOOST_AUTO_TEST_CASE(voucher_code_from_the_pool_until_it_is_empty) {
    PluginHarness points("points", demo_pool_config());
    BOOST_REQUIRE(unused_codes(points) == 20);
    auto coffee = points.call("redeem", {{"item", "MV-COFFEE20"}});
    BOOST_REQUIRE(coffee.code == "ok");
    const std::string code = coffee.data["voucher_code"];
    BOOST_TEST(code.starts_with("CF20-"));
    BOOST_TEST(coffee.data["points"] == 12000 - 1500);
    BOOST_TEST(!coffee.amount_fen.has_value());
    BOOST_TEST(points.scalar("SELECT count(*) AS value FROM merchant_voucher_codes WHERE code = ? "
                             "AND issued_to = ? AND issued_ms > 0",
                             {code, kZhang}) == 1);
    BOOST_TEST(points.scalar("SELECT count(*) AS value FROM redemptions WHERE code = ?", {code}) ==
               1);
    auto catalog = points.call("catalog");
    for (const auto& entry : catalog.data["items"]) {
        if (entry["item"] == "MV-COFFEE20")
            BOOST_TEST(entry["stock"] == 19);
    }

    // Hand out the rest elsewhere: the next redemption finds the pool empty.
    points.store().write([](ehall::Transaction& tx) {
        tx.execute(
            "UPDATE merchant_voucher_codes SET issued_to = '13700137000', issued_ms = 1 "
            "WHERE issued_to IS NULL");
    });
    auto empty = points.call("redeem", {{"item", "MV-COFFEE20"}});
    BOOST_TEST(empty.code == "out_of_stock");
    BOOST_TEST(account(points, "points") == 12000 - 1500);
    BOOST_TEST(points.scalar("SELECT count(*) AS value FROM redemptions") == 1);
    BOOST_TEST(points.scalar("SELECT count(*) AS value FROM points_ledger") == 1);
}

BOOST_AUTO_TEST_CASE(ecoins_pay_for_what_has_an_ecoin_price) {
    PluginHarness points("points", demo_pool_config());
    const nlohmann::json with_ecoins = {{"item", "MV-COFFEE20"}, {"pay_with", "ecoins"}};
    auto first = points.call("redeem", with_ecoins);
    BOOST_REQUIRE(first.code == "ok");
    BOOST_TEST(first.data["ecoins_spent"] == 150);
    BOOST_TEST(first.data["points_spent"] == 0);
    BOOST_TEST(first.data["ecoins"] == 150);
    BOOST_TEST(first.data["points"] == 12000);
    BOOST_TEST(points.scalar("SELECT ecoins_delta AS value FROM points_ledger WHERE msisdn = ? "
                             "AND points_delta = 0",
                             {kZhang}) == -150);
    BOOST_TEST(points.call("redeem", with_ecoins).code == "ok");
    // 0 e-coins left: short e-coins are reported as insufficient_points too.
    auto short_of_ecoins = points.call("redeem", with_ecoins);
    BOOST_TEST(short_of_ecoins.code == "insufficient_points");
    BOOST_TEST(account(points, "ecoins") == 0);
    BOOST_TEST(account(points, "points") == 12000);
    BOOST_TEST(unused_codes(points) == 18);
}

BOOST_AUTO_TEST_CASE(retry_with_the_same_key_redeems_once) {
    PluginHarness points("points", demo_pool_config());
    const PluginHarness::Call call{.operation = "redeem",
                                   .params = {{"item", "MV-COFFEE20"}},
                                   .idempotency_key = "dh-retry-1"};
    auto first = points.call(call);
    BOOST_REQUIRE(first.code == "ok");
    BOOST_TEST(!first.data.contains("replayed"));
    auto again = points.call(call);
    BOOST_REQUIRE(again.code == "ok");
    BOOST_TEST(again.data["replayed"] == true);
    BOOST_TEST(again.data["voucher_code"] == first.data["voucher_code"]);
    BOOST_TEST(again.data["redemption_no"] == first.data["redemption_no"]);
    BOOST_TEST(account(points, "points") == 12000 - 1500);
    BOOST_TEST(points.scalar("SELECT count(*) AS value FROM points_ledger") == 1);
    BOOST_TEST(points.scalar("SELECT count(*) AS value FROM redemptions") == 1);
    BOOST_TEST(unused_codes(points) == 19);

    auto other_params = call;
    other_params.params = {{"item", "HF10"}};
    BOOST_TEST(points.call(other_params).code == "bad_request");
    BOOST_TEST(account(points, "points") == 12000 - 1500);
}

BOOST_AUTO_TEST_CASE(pool_import_adds_new_codes_and_names_bad_lines) {
    PluginHarness points("points", demo_pool_config());
    BOOST_TEST(start_with_pool(points,
                               "item,code\r\nMV-COFFEE20,NEW-0001\r\n\r\n"
                               "MV-COFFEE20,NEW-0002\nMV-COFFEE20,CF20-2026-0001\n")
                   .empty());
    BOOST_TEST(unused_codes(points) == 22);  // the repeated demo code is not added twice

    const std::string bad_field =
        start_with_pool(points, "item,code\nMV-COFFEE20,X-1\nMV-COFFEE20\n");
    BOOST_TEST(bad_field.find("line 3") != std::string::npos, bad_field);
    const std::string no_header = start_with_pool(points, "MV-COFFEE20,X-1\n");
    BOOST_TEST(no_header.find("line 1") != std::string::npos, no_header);
    const std::string not_voucher =
        start_with_pool(points, "item,code\nMV-COFFEE20,X-1\nHF10,X-2\n");
    BOOST_TEST(not_voucher.find("line 3") != std::string::npos, not_voucher);
    const std::string spaces = start_with_pool(points, "item,code\nMV-COFFEE20,X 1\n");
    BOOST_TEST(spaces.find("line 2") != std::string::npos, spaces);
    // A refused file adds nothing, not even its good lines.
    BOOST_TEST(unused_codes(points) == 22);
}

BOOST_AUTO_TEST_SUITE_END()
