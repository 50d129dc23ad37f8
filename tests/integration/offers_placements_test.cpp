// Recommended offers over the real server: the web login, kiosk identification and SMS
// reply footer placements as contacts capped at 3 a month across channels, YH answered
// without counting, TD stopping pushes everywhere until KT, and BL <offer> + Y running
// family.open through the normal dispatch with the offer id in the journal.
#include <boost/test/unit_test.hpp>
#include <set>

#include "tests/support/demo_customer.hpp"
#include "tests/support/journal_reader.hpp"
#include "tests/support/kiosk_test_server.hpp"
#include "tests/support/server_process.hpp"

using namespace ehall::test;

namespace {

nlohmann::json offers_config() {
    auto config = demo_config({"billing", "family", "points", "offers"});
    config["sms"] = {{"templates_dir", std::string(EHALL_SOURCE_DIR) + "/templates/sms"}};
    return config;
}

// One MO as Kannel's get-url sends it; the reply text. The texts here are ASCII words.
std::string sms(HttpClient& client, const std::string& from, std::string text) {
    for (auto at = text.find(' '); at != std::string::npos; at = text.find(' ', at))
        text.replace(at, 1, "%20");
    auto reply = client.get("/sms/mo?from=" + from + "&to=10086&text=" + text);
    BOOST_TEST(reply.status == 200u, text << ": " << reply.body);
    return reply.body;
}

// Control groups off, so the demo customers' pushes do not depend on their hash buckets.
void no_control_groups(HttpClient& client) {
    for (const char* id : {"LD12593", "FAMILY3"}) {
        auto updated = client.post("/admin/v1/plugins/offers/ops/update",
                                   {{"id", id}, {"changes", {{"control_percent", 0}}}},
                                   {{"Authorization", "Bearer demo-admin-token"}});
        BOOST_TEST(updated.status == 200u, updated.body);
    }
}

nlohmann::json login_offer(HttpClient& client, const std::string& msisdn,
                           const std::string& password) {
    auto reply = login(client, msisdn, password);
    BOOST_TEST(reply.status == 200u, reply.body);
    return reply.json()["data"]["offer"];
}

std::vector<nlohmann::json> offer_rows(const std::vector<nlohmann::json>& rows,
                                       const std::string& plugin, const std::string& operation) {
    std::vector<nlohmann::json> found;
    for (const auto& row : rows) {
        if (row["plugin"] == plugin && row["operation"] == operation)
            found.push_back(row);
    }
    return found;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(offers_placements)

BOOST_AUTO_TEST_CASE(placements_are_contacts_capped_across_channels_and_yh_is_not) {
    ServerProcess server("offers-placements");
    BOOST_REQUIRE(server.start(offers_config()));
    {
        HttpClient client(server.port());
        no_control_groups(client);
        // Asking is answered and no contact.
        const std::string asked = sms(client, demo_msisdn, "YH");
        BOOST_TEST(contains(asked, "LD12593"), asked);
        BOOST_TEST(contains(asked, "FAMILY3"), asked);

        auto web = login_offer(client, demo_msisdn, demo_password);
        BOOST_TEST(web["id"] == "LD12593", web);
        BOOST_TEST(web["accept"]["operation"] == "accept");

        KioskClient kiosk{client, demo_kiosk};
        auto identified = kiosk.post("/kiosk/v1/identify",
                                     {{"msisdn", demo_msisdn}, {"password", demo_password}});
        BOOST_TEST(identified.status == 200u, identified.body);
        BOOST_TEST(identified.json()["data"]["offer"]["id"] == "LD12593", identified.body);

        const std::string balance = sms(client, demo_msisdn, "YE");
        BOOST_TEST(contains(balance, "58.60"), balance);
        BOOST_TEST(contains(balance, "\n打长途先拨12593"), balance);

        // The fourth push this month: nothing, on any channel.
        BOOST_TEST(login_offer(client, demo_msisdn, demo_password).is_null());
        const std::string again = sms(client, demo_msisdn, "YE");
        BOOST_TEST(!contains(again, "12593"), again);
        // The month is full: later replies do not even ask the offers plugin (journaled below).
        for (int i = 0; i < 3; ++i)
            BOOST_TEST(!contains(sms(client, demo_msisdn, "YE"), "12593"));

        // The placement's operation is the gateway's own: no channel may run it.
        const auto token = demo_token(client);
        auto direct = client.post("/api/v1/services/offers/impression",
                                  {{"placement", "web_login"}}, bearer(token));
        BOOST_TEST(direct.status == 404u, direct.body);
        auto services = client.get("/api/v1/services").body;
        BOOST_TEST(!contains(services, "impression"));
        BOOST_TEST(contains(services, "accept"));
    }
    BOOST_REQUIRE(server.stop() == 0);
    const auto rows = read_interactions(server);
    int pushed = 0;
    std::set<std::string> channels;
    for (const auto& row : offer_rows(rows, "offers", "impression")) {
        if (row["outcome"] != "ok")
            continue;
        ++pushed;
        channels.insert(row["channel"].get<std::string>());
        BOOST_TEST(row["offer_id"] == "LD12593");
        BOOST_TEST(row["msisdn"] == demo_msisdn);
    }
    BOOST_TEST(pushed == 3);
    BOOST_TEST(channels == (std::set<std::string>{"web", "kiosk", "sms"}));
    int sms_placements = 0;
    for (const auto& row : offer_rows(rows, "offers", "impression"))
        sms_placements += row["channel"] == "sms";
    BOOST_TEST(sms_placements == 2);  // the push, then one "month full" answer
    auto views = offer_rows(rows, "offers", "view");
    BOOST_TEST(views.size() == 2u);
    for (const auto& view : views) {
        BOOST_TEST(view["channel"] == "sms");
        BOOST_TEST(!view["offer_id"].get<std::string>().empty());
    }
}

BOOST_AUTO_TEST_CASE(td_stops_pushes_on_every_channel_until_kt) {
    ServerProcess server("offers-td");
    BOOST_REQUIRE(server.start(offers_config()));
    HttpClient client(server.port());
    no_control_groups(client);
    sms(client, other_msisdn, "TD");
    BOOST_TEST(login_offer(client, other_msisdn, other_password).is_null());
    KioskClient kiosk{client, demo_kiosk};
    auto identified =
        kiosk.post("/kiosk/v1/identify", {{"msisdn", other_msisdn}, {"password", other_password}});
    BOOST_TEST(identified.json()["data"]["offer"].is_null(), identified.body);
    const std::string balance = sms(client, other_msisdn, "YE");
    BOOST_TEST(!contains(balance, "FAMILY3"), balance);
    sms(client, other_msisdn, "KT");
    BOOST_TEST(login_offer(client, other_msisdn, other_password)["id"] == "FAMILY3");
    BOOST_TEST(server.stop() == 0);
}

BOOST_AUTO_TEST_CASE(bl_with_y_runs_family_open_through_dispatch_with_the_offer_id) {
    ServerProcess server("offers-accept");
    BOOST_REQUIRE(server.start(offers_config()));
    {
        HttpClient client(server.port());
        const std::string prompt = sms(client, demo_msisdn, "BL FAMILY3");
        BOOST_TEST(contains(prompt, "FAMILY3"), prompt);
        BOOST_TEST(contains(prompt, "Y"), prompt);
        const std::string done = sms(client, demo_msisdn, "Y");
        BOOST_TEST(contains(done, "3元亲情包办理成功"), done);
        const auto token = demo_token(client);
        auto shown = client.post("/api/v1/services/family/show", {}, bearer(token));
        BOOST_TEST(shown.json()["data"]["packages"].size() == 1u, shown.body);

        // The target's own rules: 李四 (12.00 yuan) after four packages cannot pay a fifth.
        auto li = login(client, other_msisdn, other_password).json()["data"]["token"];
        for (int i = 0; i < 4; ++i)
            client.post("/api/v1/services/family/open", {}, bearer(li));
        auto refused =
            client.post("/api/v1/services/offers/accept", {{"offer", "FAMILY3"}}, bearer(li));
        BOOST_TEST(refused.status == 422u, refused.body);
        BOOST_TEST(refused.json()["code"] == "insufficient_balance");
    }
    BOOST_REQUIRE(server.stop() == 0);
    const auto rows = read_interactions(server);
    auto accepts = offer_rows(rows, "offers", "accept");
    BOOST_REQUIRE(accepts.size() == 2u);
    BOOST_TEST(accepts[0]["channel"] == "sms");
    BOOST_TEST(accepts[0]["outcome"] == "ok");
    BOOST_TEST(accepts[0]["offer_id"] == "FAMILY3");
    BOOST_TEST(accepts[0]["business"] == "offer_accept");
    BOOST_TEST(accepts[1]["outcome"] == "declined");
    BOOST_TEST(accepts[1]["code"] == "insufficient_balance");
    int opened_by_offer = 0;
    for (const auto& row : offer_rows(rows, "family", "open")) {
        if (row["offer_id"] != "FAMILY3")
            continue;
        ++opened_by_offer;
        if (row["outcome"] == "ok") {
            BOOST_TEST(row["channel"] == "sms");
            BOOST_TEST(row["msisdn"] == demo_msisdn);
            BOOST_TEST(row["business"] == "package_change");
            BOOST_TEST(row["amount_fen"] == 300);
        }
    }
    BOOST_TEST(opened_by_offer == 2);  // zhang's, and 李四's refused one
}

BOOST_AUTO_TEST_SUITE_END()
