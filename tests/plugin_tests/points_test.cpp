// The points plugin: balances, the catalog by brand, and redemptions of credits and gifts
// with their refusals (DESIGN §6b, §8).
#include <boost/test/unit_test.hpp>
#include <stdexcept>

#include "gateway/host/host_context.hpp"
#include "tests/plugin_tests/plugin_harness.hpp"

using ehall::ServiceResult;
using ehall::test::PluginHarness;

namespace {

constexpr const char* kZhang = "13800138000";  // 全球通, 12000 points, 300 e-coins
constexpr const char* kLi = "13900139000";     // 神州行, 800 points, 0 e-coins

ServiceResult redeem(PluginHarness& points, const std::string& customer, nlohmann::json params) {
    return points.call({.operation = "redeem", .params = std::move(params), .customer = customer});
}

const nlohmann::json* item_in(const ServiceResult& catalog, const std::string& item) {
    for (const auto& entry : catalog.data["items"]) {
        if (entry["item"] == item)
            return &entry;
    }
    return nullptr;
}

std::int64_t points_of(PluginHarness& points, const std::string& msisdn) {
    return points.scalar("SELECT points AS value FROM accounts WHERE msisdn = ?", {msisdn});
}

void set_column(PluginHarness& points, const std::string& sql, const ehall::SqlParams& params) {
    points.store().write([&](ehall::Transaction& tx) { tx.execute(sql, params); });
}

// Starts the harness's plugin again with `config`: true when refused naming `words`.
bool start_refused_with(PluginHarness& points, const nlohmann::json& config,
                        const std::string& words) {
    ehall::HostContext context(points.store(), config, true, "points");
    try {
        points.plugin().start(context);
    } catch (const std::invalid_argument& e) {
        BOOST_TEST_MESSAGE(e.what());
        return std::string(e.what()).find(words) != std::string::npos;
    }
    return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(points)

BOOST_AUTO_TEST_CASE(balance_shows_points_and_ecoins) {
    PluginHarness points("points");
    auto zhang = points.call("balance");
    BOOST_TEST(zhang.code == "ok");
    BOOST_TEST(zhang.data["points"] == 12000);
    BOOST_TEST(zhang.data["ecoins"] == 300);
    auto li = points.call(PluginHarness::Call{.operation = "balance", .customer = kLi});
    BOOST_TEST(li.data["points"] == 800);
    BOOST_TEST(li.data["ecoins"] == 0);
}

BOOST_AUTO_TEST_CASE(catalog_depends_on_the_brand) {
    PluginHarness points("points");
    auto zhang = points.call("catalog");
    BOOST_REQUIRE(zhang.code == "ok");
    BOOST_TEST(zhang.data["brand"] == "全球通");
    BOOST_REQUIRE(item_in(zhang, "VIP-LOUNGE"));
    BOOST_TEST((*item_in(zhang, "VIP-LOUNGE"))["affordable"] == true);
    BOOST_TEST((*item_in(zhang, "HF30"))["points_price"] == 2700);
    BOOST_TEST((*item_in(zhang, "HF10"))["points_price"] == 1000);
    BOOST_TEST((*item_in(zhang, "HF10"))["value_fen"] == 1000);
    BOOST_TEST((*item_in(zhang, "HF10"))["stock"].is_null());
    BOOST_TEST((*item_in(zhang, "GIFT-UMBRELLA"))["stock"] == 20);
    BOOST_TEST((*item_in(zhang, "MV-COFFEE20"))["ecoins_price"] == 150);

    auto li = points.call(PluginHarness::Call{.operation = "catalog", .customer = kLi});
    BOOST_REQUIRE(li.code == "ok");
    BOOST_TEST(li.data["brand"] == "神州行");
    BOOST_TEST(!item_in(li, "VIP-LOUNGE"));
    BOOST_REQUIRE(item_in(li, "HF30"));
    BOOST_TEST((*item_in(li, "HF30"))["points_price"] == 3000);
    BOOST_TEST((*item_in(li, "HF10"))["affordable"] == false);  // 800 points
    BOOST_TEST(li.data["items"].size() + 1 == zhang.data["items"].size());
}

BOOST_AUTO_TEST_CASE(phone_credit_goes_to_the_balance_and_settles_only_a_covered_bill) {
    PluginHarness points("points");
    auto hf10 = points.call("redeem", {{"item", "HF10"}});
    BOOST_REQUIRE(hf10.code == "ok");
    BOOST_TEST(hf10.amount_fen.value_or(0) == 1000);
    BOOST_TEST(hf10.data["kind"] == "phone_credit");
    BOOST_TEST(hf10.data["points_spent"] == 1000);
    BOOST_TEST(hf10.data["ecoins_spent"] == 0);
    BOOST_TEST(hf10.data["points"] == 11000);
    BOOST_TEST(hf10.data["ecoins"] == 300);
    BOOST_TEST(hf10.data["balance_fen"] == 6860);
    BOOST_TEST(hf10.data["redemption_no"].get<std::string>().starts_with("R"));
    BOOST_TEST(points_of(points, kZhang) == 11000);
    BOOST_TEST(points.scalar("SELECT balance_fen AS value FROM accounts WHERE msisdn = ?",
                             {kZhang}) == 6860);
    // 6860 < 12850: the bill stays due.
    BOOST_TEST(points.scalar("SELECT count(*) AS value FROM bills WHERE msisdn = ? AND "
                             "status = 'due' AND amount_fen = 12850",
                             {kZhang}) == 1);
    BOOST_TEST(points.scalar("SELECT delta_fen AS value FROM balance_ledger WHERE msisdn = ? "
                             "AND kind = 'points_credit'",
                             {kZhang}) == 1000);
    BOOST_TEST(points.scalar("SELECT count(*) AS value FROM redemptions WHERE msisdn = ? AND "
                             "item = 'HF10' AND points = 1000",
                             {kZhang}) == 1);

    // A credit that makes the balance cover the bill settles it at once.
    set_column(points, "UPDATE accounts SET balance_fen = 11900 WHERE msisdn = ?", {kZhang});
    auto covered = points.call("redeem", {{"item", "hf10"}});  // SMS arguments may be lower case
    BOOST_REQUIRE(covered.code == "ok");
    BOOST_TEST(covered.data["item"] == "HF10");
    BOOST_TEST(covered.data["settled_fen"] == 12850);
    BOOST_TEST(covered.data["balance_fen"] == 50);
    BOOST_TEST(points.scalar("SELECT count(*) AS value FROM bills WHERE msisdn = ? AND "
                             "status = 'due'",
                             {kZhang}) == 0);
    auto hf30 = points.call("redeem", {{"item", "HF30"}});
    BOOST_REQUIRE(hf30.code == "ok");
    BOOST_TEST(hf30.data["points_spent"] == 2700);
    BOOST_TEST(hf30.data["points"] == 12000 - 1000 - 1000 - 2700);
}

BOOST_AUTO_TEST_CASE(refusals_change_nothing) {
    PluginHarness points("points");
    BOOST_TEST(redeem(points, kLi, {{"item", "HF10"}}).code == "insufficient_points");
    BOOST_TEST(redeem(points, kLi, {{"item", "VIP-LOUNGE"}}).code == "not_found");
    BOOST_TEST(redeem(points, kZhang, {{"item", "NO-SUCH"}}).code == "not_found");
    BOOST_TEST(redeem(points, kZhang, {{"item", ""}}).code == "bad_request");
    BOOST_TEST(redeem(points, kZhang, {{"item", std::string(33, 'A')}}).code == "bad_request");
    // HF10 has no e-coin price.
    BOOST_TEST(redeem(points, kZhang, {{"item", "HF10"}, {"pay_with", "ecoins"}}).code ==
               "bad_request");
    BOOST_TEST(redeem(points, kZhang, {{"item", "HF10"}, {"pay_with", "cash"}}).code ==
               "bad_request");
    BOOST_TEST(redeem(points, kZhang, {}).code == "bad_request");

    BOOST_TEST(points_of(points, kLi) == 800);
    BOOST_TEST(points_of(points, kZhang) == 12000);
    BOOST_TEST(points.scalar("SELECT count(*) AS value FROM points_ledger") == 0);
    BOOST_TEST(points.scalar("SELECT count(*) AS value FROM redemptions") == 0);
    BOOST_TEST(points.scalar("SELECT count(*) AS value FROM balance_ledger") == 0);
}

BOOST_AUTO_TEST_CASE(gift_gives_a_pickup_code_until_the_stock_is_gone) {
    PluginHarness points("points");
    auto umbrella = points.call("redeem", {{"item", "GIFT-UMBRELLA"}});
    BOOST_REQUIRE(umbrella.code == "ok");
    const std::string code = umbrella.data["pickup_code"];
    BOOST_TEST(code.size() == 8u);
    BOOST_TEST(code.find_first_not_of("0123456789") == std::string::npos);
    BOOST_TEST(!umbrella.amount_fen.has_value());
    BOOST_TEST(umbrella.data["points"] == 12000 - 2500);
    BOOST_TEST(points.scalar("SELECT stock AS value FROM rewards WHERE item = 'GIFT-UMBRELLA'") ==
               19);
    BOOST_TEST(points.scalar("SELECT count(*) AS value FROM redemptions WHERE code = ?", {code}) ==
               1);

    set_column(points, "UPDATE rewards SET stock = 0 WHERE item = 'GIFT-UMBRELLA'", {});
    auto gone = points.call("redeem", {{"item", "GIFT-UMBRELLA"}});
    BOOST_TEST(gone.code == "out_of_stock");
    // The debit made before the stock check was rolled back with it.
    BOOST_TEST(points_of(points, kZhang) == 12000 - 2500);
    BOOST_TEST(points.scalar("SELECT count(*) AS value FROM points_ledger") == 1);
    BOOST_TEST(points.scalar("SELECT count(*) AS value FROM redemptions") == 1);
    BOOST_TEST(points.scalar("SELECT stock AS value FROM rewards WHERE item = 'GIFT-UMBRELLA'") ==
               0);
    auto catalog = points.call("catalog");
    BOOST_TEST((*item_in(catalog, "GIFT-UMBRELLA"))["in_stock"] == false);
}

BOOST_AUTO_TEST_CASE(config_accepts_only_the_voucher_pool) {
    PluginHarness points("points");
    BOOST_TEST(start_refused_with(points, {{"colour", "red"}}, "unknown key 'colour'"));
    BOOST_TEST(start_refused_with(points, {{"voucher_pool_csv", 5}}, "voucher_pool_csv"));
    BOOST_TEST(
        start_refused_with(points, {{"voucher_pool_csv", "/nonexistent/pool.csv"}}, "cannot read"));
}

BOOST_AUTO_TEST_SUITE_END()
