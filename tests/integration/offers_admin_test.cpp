// The offer catalog for ops over /admin/v1/offers: list, create, update, pause and resume,
// with the admin token, validation naming the key, and the audit trail.
#include <boost/test/unit_test.hpp>

#include "tests/support/demo_customer.hpp"
#include "tests/support/server_process.hpp"

using namespace ehall::test;

namespace {

const Headers admin = {{"Authorization", "Bearer demo-admin-token"}};

nlohmann::json new_offer() {
    return {
        {"id", "TOPUP50"},
        {"title", "充50元话费"},
        {"sms_text", "回BL TOPUP50了解"},
        {"web_text", "充值50元。"},
        {"segment_tags", {"heavy_user"}},
        {"brands", {"神州行"}},
        {"starts_on", "2026-01-01"},
        {"ends_on", "2026-12-31"},
        {"priority", 5},
        {"target",
         {{"plugin", "billing"}, {"operation", "balance"}, {"params", nlohmann::json::object()}}},
        {"control_percent", 20}};
}

HttpResult put(HttpClient& client, const std::string& path, const nlohmann::json& body) {
    return client.request(
        http::verb::put, path, body.dump(),
        {{"Authorization", "Bearer demo-admin-token"}, {"Content-Type", "application/json"}});
}

}  // namespace

BOOST_AUTO_TEST_SUITE(offers_admin)

BOOST_AUTO_TEST_CASE(ops_create_update_pause_and_resume_offers_audited) {
    ServerProcess server("offers-admin");
    BOOST_REQUIRE(server.start(demo_config({"billing", "family", "offers"})));
    HttpClient client(server.port());

    auto listed = client.get("/admin/v1/offers", admin);
    BOOST_TEST(listed.status == 200u, listed.body);
    BOOST_TEST(listed.json()["offers"].size() == 2u);  // the demo offers from config/demo
    BOOST_TEST(listed.json()["offers"][0]["id"] == "LD12593");
    BOOST_TEST(listed.json()["offers"][0]["segment_tags"][0] == "ld_no_12593");
    BOOST_TEST(client.get("/admin/v1/offers").status == 401u);

    auto created = client.post("/admin/v1/offers", new_offer(), admin);
    BOOST_TEST(created.status == 201u, created.body);
    BOOST_TEST(created.json()["offer"]["status"] == "active");
    BOOST_TEST(client.post("/admin/v1/offers", new_offer(), admin).status == 409u);

    auto bad = new_offer();
    bad["id"] = "BAD1";
    bad["ends_on"] = "2025-01-01";
    auto refused = client.post("/admin/v1/offers", bad, admin);
    BOOST_TEST(refused.status == 400u);
    BOOST_TEST(refused.json()["message"].get<std::string>().find("ends_on") != std::string::npos);
    bad = new_offer();
    bad["id"] = "BAD2";
    bad["colour"] = "red";
    BOOST_TEST(client.post("/admin/v1/offers", bad, admin).json()["message"] ==
               "unknown key 'colour'");

    auto updated = put(client, "/admin/v1/offers/TOPUP50",
                       {{"priority", 7}, {"brands", nlohmann::json::array()}});
    BOOST_TEST(updated.status == 200u, updated.body);
    BOOST_TEST(updated.json()["offer"]["priority"] == 7);
    BOOST_TEST(updated.json()["offer"]["title"] == "充50元话费");  // untouched keys stay
    BOOST_TEST(put(client, "/admin/v1/offers/NOPE", {{"priority", 1}}).status == 404u);
    BOOST_TEST(put(client, "/admin/v1/offers/TOPUP50", {{"control_percent", 99}}).status == 400u);

    auto paused = client.post("/admin/v1/offers/TOPUP50/pause", {}, admin);
    BOOST_TEST(paused.json()["offer"]["status"] == "paused");
    auto resumed = client.post("/admin/v1/offers/TOPUP50/resume", {}, admin);
    BOOST_TEST(resumed.json()["offer"]["status"] == "active");

    auto audit = client.get("/admin/v1/audit", admin).json();
    std::vector<std::string> actions;
    for (const auto& entry : audit["entries"]) {
        if (entry["target"] == "offer:TOPUP50")
            actions.push_back(entry["action"].get<std::string>());
    }
    BOOST_TEST(actions == (std::vector<std::string>{"offer.resume", "offer.pause", "offer.update",
                                                    "offer.create"}),
               audit.dump());
    BOOST_TEST(server.stop() == 0);
}

BOOST_AUTO_TEST_SUITE_END()
