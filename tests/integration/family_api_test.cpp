// The family package over the web JSON API: open, add, show and the number rules as HTTP
// status codes, and the journal rows that carry the business and the money.
#include <boost/test/unit_test.hpp>

#include "tests/support/demo_customer.hpp"
#include "tests/support/journal_reader.hpp"
#include "tests/support/server_process.hpp"

using namespace ehall::test;

namespace {

const std::string family_path = "/api/v1/services/family/";

std::vector<nlohmann::json> rows_of(const std::vector<nlohmann::json>& rows,
                                    const std::string& operation) {
    std::vector<nlohmann::json> found;
    for (const auto& row : rows) {
        if (row["plugin"] == "family" && row["operation"] == operation)
            found.push_back(row);
    }
    return found;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(family_api)

BOOST_AUTO_TEST_CASE(open_add_show_over_http_and_the_journal_carries_the_fee) {
    ServerProcess server("family-api");
    BOOST_REQUIRE(server.start(demo_config({"billing", "family"})));
    {
        HttpClient client(server.port());
        BOOST_TEST(client.post(family_path + "open", {}).status == 401u);
        const auto token = demo_token(client);
        BOOST_REQUIRE(!token.empty());
        const Headers auth = bearer(token);

        const Headers keyed = with(auth, "Idempotency-Key", "family-api-open-1");
        auto opened = client.post(family_path + "open", {}, keyed);
        BOOST_TEST(opened.status == 200u, opened.body);
        auto body = opened.json();
        BOOST_TEST(body["code"] == "ok");
        BOOST_TEST(body["data"]["balance_fen"] == 5560);
        const auto package_id = body["data"]["package_id"];
        auto retried = client.post(family_path + "open", {}, keyed);
        BOOST_TEST(retried.status == 200u);
        BOOST_TEST(retried.json()["data"]["package_id"] == package_id);
        BOOST_TEST(retried.json()["data"]["replayed"] == true);
        auto balance = client.post("/api/v1/services/billing/balance", {}, auth);
        BOOST_TEST(balance.json()["data"]["balance_fen"] == 5560);

        auto added = client.post(family_path + "add", {{"number", "13912345678"}}, auth);
        BOOST_TEST(added.status == 200u, added.body);
        auto fixed = client.post(family_path + "add",
                                 {{"number", "075512345678"}, {"package_id", package_id}}, auth);
        BOOST_TEST(fixed.status == 200u, fixed.body);

        auto shown = client.post(family_path + "show", {}, auth);
        BOOST_TEST(shown.status == 200u);
        const auto packages = shown.json()["data"]["packages"];
        BOOST_REQUIRE(packages.size() == 1u);
        BOOST_TEST(packages[0]["package_id"] == package_id);
        BOOST_TEST(packages[0]["members"].size() == 2u);
        BOOST_TEST(packages[0]["members"][0]["number"] == "13912345678");
        BOOST_TEST(packages[0]["free_minutes_left"] == 50);

        // Too short for a phone number: the host refuses it before the plugin, with the code
        // the parameter declares (DESIGN §6b).
        auto garbage = client.post(family_path + "add", {{"number", "123"}}, auth);
        BOOST_TEST(garbage.status == 422u);
        BOOST_TEST(garbage.json()["code"] == "family_number_invalid");
        // A phone number, but no family number: the plugin's rule.
        auto other_area = client.post(family_path + "add", {{"number", "02012345678"}}, auth);
        BOOST_TEST(other_area.status == 422u);
        BOOST_TEST(other_area.json()["code"] == "family_number_invalid");
        auto own = client.post(family_path + "add", {{"number", demo_msisdn}}, auth);
        BOOST_TEST(own.status == 422u);
        BOOST_TEST(own.json()["code"] == "family_number_invalid");

        auto cancelled = client.post(family_path + "cancel", {{"package_id", package_id}}, auth);
        BOOST_TEST(cancelled.status == 200u);
        BOOST_TEST(cancelled.json()["data"]["status"] == "cancelling");
        auto again = client.post(family_path + "cancel", {{"package_id", package_id}}, auth);
        BOOST_TEST(again.status == 404u);
        BOOST_TEST(again.json()["code"] == "not_found");
    }
    BOOST_REQUIRE(server.stop() == 0);

    const auto rows = read_interactions(server);
    const auto opens = rows_of(rows, "open");
    BOOST_REQUIRE(opens.size() == 3u);  // refused anonymous, first, replayed
    BOOST_TEST(opens[0]["outcome"] == "rejected");
    BOOST_TEST(opens[1]["business"] == "package_change");
    BOOST_TEST(opens[1]["outcome"] == "ok");
    BOOST_TEST(opens[1]["amount_fen"] == 300);
    BOOST_TEST(opens[1]["msisdn"] == demo_msisdn);
    BOOST_TEST(opens[2]["amount_fen"].is_null());  // the money moved once
    const auto adds = rows_of(rows, "add");
    BOOST_REQUIRE(adds.size() == 5u);
    BOOST_TEST(adds[0]["business"] == "package_change");
    BOOST_TEST(adds[0]["amount_fen"].is_null());
    BOOST_TEST(adds[3]["outcome"] == "declined");
    BOOST_TEST(adds[3]["code"] == "family_number_invalid");
    const auto shows = rows_of(rows, "show");
    BOOST_REQUIRE(shows.size() == 1u);
    BOOST_TEST(shows[0]["business"] == "other");
    BOOST_TEST(rows_of(rows, "cancel").size() == 2u);
}

BOOST_AUTO_TEST_SUITE_END()
