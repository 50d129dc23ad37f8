// `ehall report offers`, a report the offers plugin owns, on a hand-computed fixture: journal
// rows and control-group records written straight into a stopped gateway's data dir,
// Asia/Shanghai month edges included; then the same report from the running gateway's
// analytics API.
#include <boost/test/unit_test.hpp>

#include "tests/support/ehall_command.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/server_process.hpp"
#include "tests/support/test_database.hpp"

using namespace ehall::test;

namespace {

constexpr const char* A = "13800000001";
constexpr const char* B = "13800000002";
constexpr const char* C = "13800000003";
constexpr const char* D = "13800000004";
constexpr const char* E = "13800000005";

// UTC epoch ms of a Shanghai wall time in 2026.
std::int64_t shanghai(unsigned month, unsigned day, int hour, int minute) {
    using namespace std::chrono;
    auto utc = sys_days{year{2026} / std::chrono::month{month} / std::chrono::day{day}} +
               hours{hour - 8} + minutes{minute};
    return duration_cast<milliseconds>(utc.time_since_epoch()).count();
}

struct Event {
    std::int64_t ts_ms;
    const char* channel;
    const char* msisdn;
    const char* plugin;
    const char* operation;
    const char* outcome;
    const char* offer_id;
};

void write_fixture(const ServerProcess& server) {
    // Month 2026-10. FAMILY3: web A twice and B, kiosk C, SMS D (its September and November
    // impressions fall outside); A views and accepts, B dismisses, C's accept is declined;
    // A (by the offer) and D (by QQB KT, no offer) open the family package. Control: F..I,
    // of whom F opens it at a kiosk. LD12593: one web impression for A, nobody subscribes.
    const std::vector<Event> events = {
        {shanghai(10, 5, 10, 0), "web", A, "offers", "impression", "ok", "FAMILY3"},
        {shanghai(10, 6, 10, 0), "web", B, "offers", "impression", "ok", "FAMILY3"},
        {shanghai(10, 7, 10, 0), "web", A, "offers", "impression", "ok", "FAMILY3"},
        {shanghai(10, 8, 10, 0), "kiosk", C, "offers", "impression", "ok", "FAMILY3"},
        {shanghai(9, 30, 23, 30), "sms", D, "offers", "impression", "ok", "FAMILY3"},
        {shanghai(10, 31, 23, 30), "sms", D, "offers", "impression", "ok", "FAMILY3"},
        {shanghai(11, 1, 0, 10), "sms", E, "offers", "impression", "ok", "FAMILY3"},
        {shanghai(10, 9, 10, 0), "web", A, "offers", "impression", "rejected", ""},
        {shanghai(10, 5, 10, 1), "web", A, "offers", "view", "ok", "FAMILY3"},
        {shanghai(10, 6, 10, 1), "web", B, "offers", "view", "rejected", "FAMILY3"},
        {shanghai(10, 5, 10, 2), "web", A, "offers", "accept", "ok", "FAMILY3"},
        {shanghai(10, 5, 10, 2), "web", A, "family", "open", "ok", "FAMILY3"},
        {shanghai(10, 8, 10, 2), "kiosk", C, "offers", "accept", "declined", "FAMILY3"},
        {shanghai(10, 8, 10, 2), "kiosk", C, "family", "open", "declined", "FAMILY3"},
        {shanghai(10, 6, 10, 2), "web", B, "offers", "dismiss", "ok", "FAMILY3"},
        {shanghai(10, 20, 9, 0), "sms", D, "family", "open", "ok", ""},
        {shanghai(10, 21, 9, 0), "kiosk", "13800000006", "family", "open", "ok", ""},
        {shanghai(10, 5, 11, 0), "web", A, "offers", "impression", "ok", "LD12593"},
    };
    // On PostgreSQL the journal is a table of the server's database.
    const auto journal =
        TestDatabase{.sqlite_file = server.journal_path(), .pg_url = server.store_url()}.open();
    journal->write([&](ehall::Transaction& tx) {
        for (const auto& e : events)
            tx.execute(
                "INSERT INTO interactions (ts_ms, channel, msisdn, plugin, operation, business, "
                "outcome, code, offer_id) VALUES (?, ?, ?, ?, ?, 'other', ?, 'x', ?)",
                {e.ts_ms, e.channel, e.msisdn, e.plugin, e.operation, e.outcome, e.offer_id});
    });
    const auto store =
        TestDatabase{.sqlite_file = server.data_dir() / "ehall.db", .pg_url = server.store_url()}
            .open();
    store->write([&](ehall::Transaction& tx) {
        for (const char* msisdn : {"13800000006", "13800000007", "13800000008", "13800000009"})
            tx.execute(
                "INSERT INTO offer_contacts (msisdn, offer_id, kind, channel, placement, month, "
                "ts_ms) VALUES (?, 'FAMILY3', 'control', 'web', 'web_login', '2026-10', 0)",
                {msisdn});
        tx.execute(  // September: another month
            "INSERT INTO offer_contacts (msisdn, offer_id, kind, channel, placement, month, "
            "ts_ms) VALUES ('13800000010', 'FAMILY3', 'control', 'web', 'web_login', '2026-09', "
            "0)");
    });
}

const nlohmann::json* channel_of(const nlohmann::json& offer, const std::string& channel) {
    for (const auto& row : offer["channels"]) {
        if (row["channel"] == channel)
            return &row;
    }
    return nullptr;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(offers_report)

BOOST_AUTO_TEST_CASE(report_offers_matches_the_hand_computed_fixture) {
    ServerProcess server("offers-report");
    BOOST_REQUIRE(server.start(demo_config({"billing", "family", "offers"})));
    BOOST_REQUIRE(server.stop() == 0);
    write_fixture(server);
    const std::string where = "--config " + (server.dir() / "config.json").string() +
                              " --data-dir " + server.data_dir().string();
    auto ran = run_ehall(server.data_environment(),
                         "report offers --month 2026-10 --format json " + where);
    BOOST_REQUIRE_MESSAGE(ran.status == 0, ran.output);
    auto report = nlohmann::json::parse(ran.output, nullptr, false);
    BOOST_REQUIRE_MESSAGE(report.is_object(), ran.output);
    BOOST_TEST(report["month"] == "2026-10");
    BOOST_REQUIRE(report["offers"].size() == 2u);
    const auto& family = report["offers"][0];
    BOOST_TEST(family["offer_id"] == "FAMILY3");
    BOOST_TEST(family["target"] == "family.open");
    const auto* web = channel_of(family, "web");
    BOOST_REQUIRE(web);
    BOOST_TEST((*web)["impressions"] == 3);
    BOOST_TEST((*web)["views"] == 1);
    BOOST_TEST((*web)["accepts"] == 1);
    BOOST_TEST((*web)["dismisses"] == 1);
    BOOST_TEST((*web)["reached"] == 2);
    BOOST_TEST((*web)["took_up"] == 1);
    BOOST_TEST((*web)["take_up_rate"] == 0.5);
    BOOST_TEST((*channel_of(family, "kiosk"))["took_up"] == 0);
    BOOST_TEST((*channel_of(family, "sms"))["impressions"] == 1);
    BOOST_TEST((*channel_of(family, "sms"))["take_up_rate"] == 1.0);
    const auto& all = family["all"];
    BOOST_TEST(all["impressions"] == 5);
    BOOST_TEST(all["accepts"] == 1);
    BOOST_TEST(all["reached"] == 4);
    BOOST_TEST(all["took_up"] == 2);
    BOOST_TEST(all["take_up_rate"] == 0.5);
    BOOST_TEST(family["control"]["customers"] == 4);
    BOOST_TEST(family["control"]["took_up"] == 1);
    BOOST_TEST(family["control"]["take_up_rate"] == 0.25);
    BOOST_TEST(family["lift"] == 0.25);
    const auto& ld = report["offers"][1];
    BOOST_TEST(ld["offer_id"] == "LD12593");
    BOOST_TEST(ld["all"]["impressions"] == 1);
    BOOST_TEST(ld["all"]["took_up"] == 0);
    BOOST_TEST(ld["lift"] == 0.0);

    auto csv =
        run_ehall(server.data_environment(), "report offers --month 2026-10 --format csv " + where);
    BOOST_TEST(csv.status == 0);
    BOOST_TEST(csv.output.find("2026-10,FAMILY3,all,5,1,1,1,4,2,0.5000,4,1,0.2500,0.2500") !=
                   std::string::npos,
               csv.output);
    auto table = run_ehall(server.data_environment(), "report offers --month 2026-10 " + where);
    BOOST_TEST(table.output.find("take_up_rate") != std::string::npos, table.output);
    BOOST_TEST(
        run_ehall(server.data_environment(), "report offers --month 2026-13 " + where).status == 2);
    BOOST_TEST(
        run_ehall(server.data_environment(), "report offers --month 2026-10 --format xml " + where)
            .status == 2);
    BOOST_TEST(run_ehall(server.data_environment(), "report offers " + where).status == 2);
    auto listed = run_ehall(server.data_environment(), "report --help " + where);
    BOOST_TEST(listed.output.find("offers  per offer and channel") != std::string::npos,
               listed.output);

    BOOST_REQUIRE(server.start(demo_config({"billing", "family", "offers"})));
    HttpClient client(server.port());
    const Headers analyst = {{"Authorization", "Bearer demo-analyst-token"}};
    auto api = client.get("/analytics/v1/reports/offers?month=2026-10", analyst);
    BOOST_TEST(api.status == 200u);
    BOOST_TEST(api.json() == report);
    BOOST_TEST(client.get("/analytics/v1/reports/offers?month=2026-13", analyst).status == 400u);
    BOOST_TEST(client.get("/analytics/v1/reports/offers?month=2026-10").status == 401u);
    auto download = client.get("/analytics/csv/offers?month=2026-10", analyst);
    BOOST_TEST(download.body.find("2026-10,FAMILY3,all,5,1,1,1,4,2,0.5000,4,1,0.2500,0.2500") !=
                   std::string::npos,
               download.body);
}

BOOST_AUTO_TEST_SUITE_END()
