// The offer catalog for ops: the offers plugin's admin operations list, create, update, pause
// and resume (POST /admin/v1/plugins/offers/ops/<name>), with the admin token, validation
// naming the key, and the audit trail.
#include <boost/test/unit_test.hpp>

#include "tests/support/demo_customer.hpp"
#include "tests/support/ops_console_client.hpp"
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

HttpResult op(HttpClient& client, const std::string& name, const nlohmann::json& params) {
    return client.post("/admin/v1/plugins/offers/ops/" + name, params, admin);
}

// `text` as a form value: every byte but letters and digits percent-encoded.
std::string form_value(const std::string& text) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c)) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 0xf];
        }
    }
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(offers_admin)

BOOST_AUTO_TEST_CASE(ops_create_update_pause_and_resume_offers_audited) {
    ServerProcess server("offers-admin");
    BOOST_REQUIRE(server.start(demo_config({"billing", "family", "offers"})));
    HttpClient client(server.port());

    auto listed = op(client, "list", nlohmann::json::object());
    BOOST_TEST(listed.status == 200u, listed.body);
    const nlohmann::json offers = listed.json()["data"]["offers"];
    BOOST_TEST(offers.size() == 2u);  // the plugin's demo catalog
    BOOST_TEST(offers[0]["id"] == "LD12593");
    BOOST_TEST(offers[0]["segment_tags"][0] == "ld_no_12593");
    BOOST_TEST(client.post("/admin/v1/plugins/offers/ops/list", nlohmann::json::object()).status ==
               401u);

    auto created = op(client, "create", {{"offer", new_offer()}});
    BOOST_TEST(created.status == 200u, created.body);
    BOOST_TEST(created.json()["data"]["offer"]["status"] == "active");
    auto taken = op(client, "create", {{"offer", new_offer()}});
    BOOST_TEST(taken.status == 409u);
    BOOST_TEST(taken.json()["code"] == "already_exists");

    auto bad = new_offer();
    bad["id"] = "BAD1";
    bad["ends_on"] = "2025-01-01";
    auto refused = op(client, "create", {{"offer", bad}});
    BOOST_TEST(refused.status == 400u);
    BOOST_TEST(refused.json()["message"].get<std::string>().find("ends_on") != std::string::npos);
    bad = new_offer();
    bad["id"] = "BAD2";
    bad["colour"] = "red";
    BOOST_TEST(op(client, "create", {{"offer", bad}}).json()["message"] == "unknown key 'colour'");
    BOOST_TEST(op(client, "create", {{"offer", "TOPUP50"}}).status == 400u);
    BOOST_TEST(op(client, "create", nlohmann::json::object()).status == 400u);

    auto updated = op(
        client, "update",
        {{"id", "TOPUP50"}, {"changes", {{"priority", 7}, {"brands", nlohmann::json::array()}}}});
    BOOST_TEST(updated.status == 200u, updated.body);
    BOOST_TEST(updated.json()["data"]["offer"]["priority"] == 7);
    BOOST_TEST(updated.json()["data"]["offer"]["title"] == "充50元话费");  // untouched keys stay
    BOOST_TEST(updated.json()["data"]["before"]["priority"] == 5);
    BOOST_TEST(op(client, "update", {{"id", "NOPE"}, {"changes", {{"priority", 1}}}}).status ==
               404u);
    BOOST_TEST(
        op(client, "update", {{"id", "TOPUP50"}, {"changes", {{"control_percent", 99}}}}).status ==
        400u);
    BOOST_TEST(op(client, "update", {{"id", "TOPUP50"}, {"changes", {{"id", "OTHER"}}}}).status ==
               400u);

    auto paused = op(client, "pause", {{"id", "TOPUP50"}});
    BOOST_TEST(paused.json()["data"]["offer"]["status"] == "paused");
    auto resumed = op(client, "resume", {{"id", "TOPUP50"}});
    BOOST_TEST(resumed.json()["data"]["offer"]["status"] == "active");

    auto audit = client.get("/admin/v1/audit", admin).json();
    std::vector<std::string> actions;
    for (const auto& entry : audit["entries"]) {
        const auto& params = entry["before"];  // an admin operation's audit: its params
        const auto offer = params.value("offer", nlohmann::json::object());
        if (entry["target"] == "offers" &&
            (params.value("id", "") == "TOPUP50" ||
             (offer.is_object() && offer.value("id", "") == "TOPUP50")))
            actions.push_back(entry["action"].get<std::string>());
    }
    // Refusals are audited too (who tried what); newest first.
    BOOST_TEST(actions == (std::vector<std::string>{"plugin.op.resume", "plugin.op.pause",
                                                    "plugin.op.update", "plugin.op.update",
                                                    "plugin.op.update", "plugin.op.create",
                                                    "plugin.op.create"}),
               audit.dump());
    BOOST_TEST(server.stop() == 0);
}

BOOST_AUTO_TEST_CASE(the_console_takes_an_offer_as_json_text) {
    ServerProcess server("offers-console");
    BOOST_REQUIRE(server.start(demo_config({"billing", "family", "offers"})));
    HttpClient client(server.port());
    BOOST_REQUIRE(
        client
            .post("/admin/v1/accounts", {{"name", "alice"}, {"password", "alice-secret-1"}}, admin)
            .status == 201u);
    auto [cookie, signed_in] = sign_in(client, "alice", "alice-secret-1");
    BOOST_REQUIRE(signed_in.status == 303u);
    auto page = client.get("/admin/plugins/offers", {{"Cookie", cookie}});
    BOOST_TEST(page.body.find("<textarea name=\"offer\"") != std::string::npos, page.body);
    const std::string csrf = "csrf=" + hidden_field(page.body, "csrf");

    auto bad = post_form(client, "/admin/plugins/offers/ops/create",
                         csrf + "&offer=" + form_value("{\"id\": "), cookie);
    BOOST_TEST(bad.status == 400u);
    BOOST_TEST(bad.body.find("不是有效的 JSON") != std::string::npos, bad.body);
    auto created = post_form(client, "/admin/plugins/offers/ops/create",
                             csrf + "&offer=" + form_value(new_offer().dump()), cookie);
    BOOST_TEST(created.status == 200u, created.body);
    auto listed = op(client, "list", nlohmann::json::object()).json()["data"]["offers"];
    BOOST_TEST(listed.size() == 3u);
    auto paused =
        post_form(client, "/admin/plugins/offers/ops/pause", csrf + "&id=TOPUP50", cookie);
    BOOST_TEST(paused.status == 200u, paused.body);
    auto by_alice = client.get("/admin/v1/audit?target=offers&actor=ops%3Aalice", admin).json();
    BOOST_TEST(by_alice["entries"].size() == 2u, by_alice.dump());  // the refused text never ran
    BOOST_TEST(server.stop() == 0);
}

BOOST_AUTO_TEST_SUITE_END()
