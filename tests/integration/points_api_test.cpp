// The points plugin over the web JSON API (DESIGN §6, §6b): catalog, redemption and its
// refusals, with the journal rows they leave.
#include <boost/test/unit_test.hpp>

#include "tests/support/demo_customer.hpp"
#include "tests/support/journal_reader.hpp"
#include "tests/support/server_process.hpp"

using namespace ehall::test;

namespace {

const std::string points_path = "/api/v1/services/points/";

const nlohmann::json* row_of(const std::vector<nlohmann::json>& rows, const std::string& id) {
    for (const auto& row : rows) {
        if (row["request_id"] == id)
            return &row;
    }
    return nullptr;
}

bool lists_item(const nlohmann::json& catalog, const std::string& item) {
    for (const auto& entry : catalog["data"]["items"]) {
        if (entry["item"] == item)
            return true;
    }
    return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(points_api)

BOOST_AUTO_TEST_CASE(redeem_over_http_is_journaled_with_its_amount) {
    auto config = demo_config({"billing", "points"});
    config["plugins"]["config"]["points"] = {
        {"voucher_pool_csv", std::string(EHALL_SOURCE_DIR) + "/config/demo/merchant_vouchers.csv"}};
    ServerProcess server("points-api");
    BOOST_REQUIRE_MESSAGE(server.start(config), server.stderr_text());
    {
        HttpClient client(server.port());
        const std::string token = demo_token(client);
        BOOST_REQUIRE(!token.empty());
        const Headers zhang = bearer(token);

        auto services = client.get("/api/v1/services").json();
        int points_operations = 0;
        for (const auto& service : services["services"])
            points_operations += service["plugin"] == "points" ? 1 : 0;
        BOOST_TEST(points_operations == 3);

        auto catalog =
            client.post(points_path + "catalog", {}, with_request_id(zhang, "pt-catalog"));
        BOOST_TEST(catalog.status == 200u);
        BOOST_TEST(lists_item(catalog.json(), "HF10"));
        BOOST_TEST(lists_item(catalog.json(), "VIP-LOUNGE"));

        Headers redeem_headers = with_request_id(zhang, "pt-redeem");
        redeem_headers.emplace_back("Idempotency-Key", "it-points-hf10");
        auto redeem = client.post(points_path + "redeem", {{"item", "HF10"}}, redeem_headers);
        BOOST_TEST(redeem.status == 200u, redeem.body);
        auto body = redeem.json();
        BOOST_TEST(body["code"] == "ok");
        BOOST_TEST(body["data"]["points"] == 11000);
        BOOST_TEST(body["data"]["balance_fen"] == 6860);

        auto balance = client.post(points_path + "balance", {}, zhang).json();
        BOOST_TEST(balance["data"]["points"] == 11000);
        BOOST_TEST(balance["data"]["ecoins"] == 300);
        auto money = client.post("/api/v1/services/billing/balance", {}, zhang).json();
        BOOST_TEST(money["data"]["balance_fen"] == 6860);

        auto unknown = client.post(points_path + "redeem", {{"item", "NO-SUCH-ITEM"}},
                                   with_request_id(zhang, "pt-unknown"));
        BOOST_TEST(unknown.status == 404u);
        BOOST_TEST(unknown.json()["code"] == "not_found");

        auto li_login = login(client, other_msisdn, other_password).json();
        const Headers li = bearer(li_login["data"].value("token", ""));
        auto short_of_points = client.post(points_path + "redeem", {{"item", "HF10"}},
                                           with_request_id(li, "pt-short"));
        BOOST_TEST(short_of_points.status == 422u);
        BOOST_TEST(short_of_points.json()["code"] == "insufficient_points");
        BOOST_TEST(client.post(points_path + "balance", {}, li).json()["data"]["points"] == 800);
    }
    BOOST_REQUIRE(server.stop() == 0);

    const auto rows = read_interactions(server);
    const auto* redeemed = row_of(rows, "pt-redeem");
    BOOST_REQUIRE(redeemed);
    BOOST_TEST((*redeemed)["plugin"] == "points");
    BOOST_TEST((*redeemed)["operation"] == "redeem");
    BOOST_TEST((*redeemed)["business"] == "points_redeem");
    BOOST_TEST((*redeemed)["outcome"] == "ok");
    BOOST_TEST((*redeemed)["amount_fen"] == 1000);
    BOOST_TEST((*redeemed)["msisdn"] == demo_msisdn);
    const auto* catalog = row_of(rows, "pt-catalog");
    BOOST_REQUIRE(catalog);
    BOOST_TEST((*catalog)["business"] == "other");
    const auto* unknown = row_of(rows, "pt-unknown");
    BOOST_REQUIRE(unknown);
    BOOST_TEST((*unknown)["code"] == "not_found");
    BOOST_TEST((*unknown)["amount_fen"].is_null());
    const auto* short_of_points = row_of(rows, "pt-short");
    BOOST_REQUIRE(short_of_points);
    BOOST_TEST((*short_of_points)["code"] == "insufficient_points");
    BOOST_TEST((*short_of_points)["outcome"] == "declined");
    BOOST_TEST((*short_of_points)["msisdn"] == other_msisdn);
}

BOOST_AUTO_TEST_SUITE_END()
