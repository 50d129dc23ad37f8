// The operator's own diversion metrics (DESIGN §6a, issue 28) over small hand-made data sets
// whose answers are worked out in the comments: the hotline case, monthly active customers,
// diversion per hall, service penetration by brand, and --brand / --segment on each.
#include <boost/test/unit_test.hpp>
#include <fstream>

#include "tests/support/analytics_fixture.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/server_process.hpp"
#include "tests/support/test_database.hpp"

using namespace ehall::test;
namespace tt = boost::test_tools;

namespace {

// tests/fixtures/analytics/hotline/: A..F (13900000001..6) call the hotline.
//   A 全球通 vip: March 4 calls (level 5); April 1 call and 3 web; May none.
//   B 全球通: March 3 calls (2 bill_query, 1 other) and 1 web (3/4: level 4); April none;
//     May 1 call and 4 SMS (1/5: level 1).
//   C 神州行 vip: March 3 calls and 3 web payments (level 3); April 2; May 2.
//   D 动感地带: March 2 calls (below the target).
//   E 神州行: March 5 ok calls (and 1 rejected); April 1; May 1.
//   F 神州行: March 3 calls, one at 00:30 on March 1st Shanghai (16:30Z on February 28th);
//     none after.
const AnalyticsData& hotline_data() {
    static const AnalyticsData loaded("metrics-hotline", true, "hotline");
    return loaded;
}

// tests/fixtures/analytics/halls/ (hall_id before amount_fen): hall payments.
//   G: March H1 x3, H2 x1 (hall H1); April on the web.
//   H: March H2 x2, H1 x2 (a tie: H1); April at hall H2.
//   I: March H2 x2 (H2); April nothing.
//   J: March H2 x1 and 3 web (level 2: not a target).
//   K: March 2 hall payments without a hall id; April nothing.
const AnalyticsData& hall_data() {
    static const AnalyticsData loaded("metrics-halls", true, "halls");
    return loaded;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(analytics_metrics)

BOOST_AUTO_TEST_CASE(hotline_counts_every_definition) {
    const auto r = hotline_data().report("hotline --base 2026-03 --months 2026-04,2026-05");
    BOOST_REQUIRE(!r.is_discarded());
    BOOST_TEST(r["base"] == "2026-03");
    BOOST_TEST(r["min_calls"] == 3);
    BOOST_TEST(r["target_size"] == 5);  // A, B, C, E, F (F's first call is in March)
    const auto& april = r["months"][0];
    // B and F silent; A, C, E called, A and E once.
    BOOST_TEST(april["month"] == "2026-04");
    BOOST_TEST(april["no_calls"] == 2);
    BOOST_TEST(april["no_calls_rate"].get<double>() == 0.4, tt::tolerance(1e-12));
    BOOST_TEST(april["below_two"] == 2);
    BOOST_TEST(april["below_two_rate"].get<double>() == 2.0 / 3, tt::tolerance(1e-12));
    const auto& may = r["months"][1];
    // A and F silent; B, C, E called, B and E once.
    BOOST_TEST(may["no_calls"] == 2);
    BOOST_TEST(may["below_two"] == 2);
    BOOST_TEST(may["below_two_rate"].get<double>() == 2.0 / 3, tt::tolerance(1e-12));
    // Silent in both months: F alone.
    BOOST_TEST(r["consecutive"]["months"] == nlohmann::json({"2026-04", "2026-05"}));
    BOOST_TEST(r["consecutive"]["no_calls"] == 1);
    BOOST_TEST(r["consecutive"]["rate"].get<double>() == 0.2, tt::tolerance(1e-12));
    // May: B fell from 4 to 1. A fell to 2 only in April and has no row in May; C rose.
    BOOST_TEST(r["level_drop"]["month"] == "2026-05");
    BOOST_TEST(r["level_drop"]["dropped"] == 1);
    BOOST_TEST(r["level_drop"]["rate"].get<double>() == 0.2, tt::tolerance(1e-12));
    // March calls of the target: A 4 + B 2 + C 3 + F 3 bill queries, B's other, E's 5.
    BOOST_TEST(r["by_business"] ==
               nlohmann::json({{"balance_query", 5}, {"bill_query", 12}, {"other", 1}}));

    // At least 4 calls: A and E.
    const auto four =
        hotline_data().report("hotline --base 2026-03 --months 2026-04,2026-05 --min-calls 4");
    BOOST_TEST(four["target_size"] == 2);
    BOOST_TEST(four["months"][0]["below_two"] == 2);
}

BOOST_AUTO_TEST_CASE(brand_and_segment_narrow_the_target_and_the_counts) {
    // 全球通: A and B. April: B silent, A called once; May: A silent, B once; B dropped.
    const auto brand =
        hotline_data().report("hotline --base 2026-03 --months 2026-04,2026-05 --brand 全球通");
    BOOST_REQUIRE(!brand.is_discarded());
    BOOST_TEST(brand["brand"] == "全球通");
    BOOST_TEST(brand["target_size"] == 2);
    BOOST_TEST(brand["months"][0]["no_calls"] == 1);
    BOOST_TEST(brand["months"][0]["below_two_rate"].get<double>() == 1.0, tt::tolerance(1e-12));
    BOOST_TEST(brand["level_drop"]["dropped"] == 1);
    BOOST_TEST(brand["level_drop"]["rate"].get<double>() == 0.5, tt::tolerance(1e-12));
    BOOST_TEST(brand["by_business"] == nlohmann::json({{"bill_query", 6}, {"other", 1}}));
    // vip: A and C, both calling in April, A once.
    const auto vip = hotline_data().report("hotline --base 2026-03 --months 2026-04 --segment vip");
    BOOST_TEST(vip["segment"] == "vip");
    BOOST_TEST(vip["target_size"] == 2);
    BOOST_TEST(vip["months"][0]["no_calls"] == 0);
    BOOST_TEST(vip["months"][0]["below_two_rate"].get<double>() == 0.5, tt::tolerance(1e-12));
    // Both: A alone.
    const auto both = hotline_data().report(
        "hotline --base 2026-03 --months 2026-04 --brand 全球通 --segment vip");
    BOOST_TEST(both["target_size"] == 1);
    // The other reports take them too: C pays on the web in March, the only vip payer.
    const auto share = hotline_data().report("echannel-share --months 2026-03 --segment vip");
    BOOST_TEST(share["months"][0]["total"] == 10);  // A 4 calls, C 3 calls and 3 payments
    BOOST_TEST(share["months"][0]["echannel"] == 3);
    const auto preference =
        hotline_data().report("preference --business bill_query --month 2026-03 --brand 全球通");
    BOOST_TEST(preference["customers"] == 2);
    // A brand nobody has: empty, not an error.
    const auto nobody = hotline_data().report(
        "hotline --base 2026-03 --months 2026-04 --brand 动感地带 --segment vip");
    BOOST_TEST(nobody["target_size"] == 0);
    BOOST_TEST(nobody["months"][0]["no_calls_rate"] == 0.0);
    // Control characters are refused, naming the option.
    const auto bad =
        hotline_data().ehall("report hotline --base 2026-03 --months 2026-04 --brand 'a\x01b'");
    BOOST_TEST(bad.status == 2, bad.output);
    BOOST_TEST(bad.output.find("--brand") != std::string::npos, bad.output);
}

BOOST_AUTO_TEST_CASE(active_counts_each_customer_once_per_channel_and_on_echannels) {
    const auto r = hotline_data().report("active --months 2026-03,2026-04,2026-05");
    BOOST_REQUIRE(!r.is_discarded());
    BOOST_REQUIRE(r["months"].size() == 3u);
    const auto& march = r["months"][0];
    BOOST_TEST(march["month"] == "2026-03");
    BOOST_TEST(march["by_channel"]["hotline"] == 6);  // A..F (E's rejected call aside)
    BOOST_TEST(march["by_channel"]["web"] == 2);      // B once, C three times
    BOOST_TEST(march["by_channel"]["hall"] == 0);
    BOOST_TEST(march["by_channel"].size() == 10u);  // every channel, zeros included
    BOOST_TEST(march["echannel"] == 2);
    const auto& april = r["months"][1];  // A, C, E call; A also on the web
    BOOST_TEST(april["by_channel"]["hotline"] == 3);
    BOOST_TEST(april["by_channel"]["web"] == 1);
    BOOST_TEST(april["echannel"] == 1);
    const auto& may = r["months"][2];  // B, C, E call; B also by SMS (4 times)
    BOOST_TEST(may["by_channel"]["hotline"] == 3);
    BOOST_TEST(may["by_channel"]["sms"] == 1);
    BOOST_TEST(may["echannel"] == 1);
    const auto gotone = hotline_data().report("active --months 2026-04 --brand 全球通");
    BOOST_TEST(gotone["months"][0]["by_channel"]["hotline"] == 1);  // A (B silent)
    BOOST_TEST(gotone["months"][0]["echannel"] == 1);
    const auto csv = hotline_data().ehall("report active --months 2026-04 --format csv");
    BOOST_TEST(csv.status == 0, csv.output);
    BOOST_TEST(csv.output ==
                   "month,hall,partner_hall,hotline,web,sms,kiosk,wap,mobile_pay,bank,other,"
                   "echannel\n2026-04,0,0,3,1,0,0,0,0,0,0,1\n",
               csv.output);
}

BOOST_AUTO_TEST_CASE(diversion_by_hall_follows_each_customers_hall) {
    const auto r = hall_data().report(
        "diversion --business payment --from hall --base 2026-03 --months 2026-04 --by-hall");
    BOOST_REQUIRE(!r.is_discarded());
    BOOST_TEST(r["target_size"] == 4);            // G, H, I, K
    BOOST_TEST(r["months"][0]["diverted"] == 3);  // G (web), I, K
    BOOST_TEST(r["months"][0]["by_channel"] == nlohmann::json({{"web", 1}}));
    // K has no hall; H's tie goes to the smaller id.
    const nlohmann::json expected = {
        {"H1",
         {{"target_size", 2},
          {"months", {{{"month", "2026-04"}, {"diverted", 1}, {"rate", 0.5}}}}}},
        {"H2",
         {{"target_size", 1},
          {"months", {{{"month", "2026-04"}, {"diverted", 1}, {"rate", 1.0}}}}}}};
    BOOST_TEST(r["by_hall"] == expected, r["by_hall"].dump());
    // Without the switch there is no by_hall.
    const auto plain = hall_data().report(
        "diversion --business payment --from hall --base 2026-03 --months 2026-04");
    BOOST_TEST(!plain.contains("by_hall"));
    // The rows keep hall_id in the subchannel and amounts from the column after it.
    const auto csv = hall_data().ehall(
        "report diversion --business payment --from hall --base 2026-03 --months 2026-04 "
        "--by-hall --format csv");
    BOOST_TEST(csv.output.find("H1 2026-04,1,0.5000") != std::string::npos, csv.output);
}

BOOST_AUTO_TEST_CASE(a_bad_hall_id_imports_nothing_and_names_the_line) {
    AnalyticsData data("metrics-bad-hall", false);
    const auto file = data.dir() / "halls.csv";
    {
        std::ofstream out(file);
        out << "ts,msisdn,channel,business,outcome,hall_id\n"
               "2026-03-02T10:00:00+08:00,13700000001,hall,payment,ok,H1\n"
               "2026-03-02T10:00:00+08:00,13700000001,hall,payment,ok,=cmd|' /C calc'!A0\n";
    }
    const auto result = data.ehall("import events " + file.string());
    BOOST_TEST(result.status != 0, result.output);
    BOOST_TEST(result.output.find("halls.csv:3: hall_id") != std::string::npos, result.output);
    const auto twice = data.dir() / "twice.csv";
    std::ofstream(twice) << "ts,msisdn,channel,business,outcome,hall_id,hall_id\n";
    BOOST_TEST(data.ehall("import events " + twice.string()).status != 0);
}

BOOST_AUTO_TEST_CASE(penetration_by_brand_from_the_plugins_holding) {
    ServerProcess server("metrics-penetration");
    BOOST_REQUIRE(server.start(demo_config({"billing", "family"})));
    BOOST_REQUIRE(server.stop() == 0);
    // October 2026 (ends 2026-11-01 00:00 Shanghai = 2026-10-31T16:00Z), customers tagged pen:
    // P1 全球通 opened in October: holds. P2 全球通 cancelled, ending on October 31st: holds.
    // P3 全球通 ended on September 30th. P4 神州行 opened at 00:10 on November 1st. P5 神州行
    // joined on October 31st, no package. P6 神州行 joined in November: not counted. P7 动感地带
    // with two packages: one holder.
    const auto store =
        TestDatabase{.sqlite_file = server.data_dir() / "ehall.db", .pg_url = server.store_url()}
            .open();
    store->write([](ehall::Transaction& tx) {
        const std::vector<std::pair<std::string, std::string>> customers = {
            {"13600000001", "全球通"},  {"13600000002", "全球通"}, {"13600000003", "全球通"},
            {"13600000004", "神州行"},  {"13600000005", "神州行"}, {"13600000006", "神州行"},
            {"13600000007", "动感地带"}};
        for (const auto& [msisdn, brand] : customers) {
            const std::string joined = msisdn == "13600000005"   ? "2026-10-31"
                                       : msisdn == "13600000006" ? "2026-11-01"
                                                                 : "2026-01-01";
            tx.execute(
                "INSERT INTO customers (msisdn, name, brand, home_area, join_date) "
                "VALUES (?, 'x', ?, '0755', ?)",
                {msisdn, brand, joined});
            tx.execute("INSERT INTO segments (msisdn, tag) VALUES (?, 'pen')", {msisdn});
        }
        const std::int64_t oct5 = 1791158400000;  // 2026-10-05T00:00Z
        const std::int64_t nov1 = 1793463000000;  // 2026-10-31T16:10Z: Nov 1st 00:10
        const std::int64_t sep1 = 1788220800000;  // 2026-09-01T00:00Z
        const std::vector<std::tuple<std::string, std::string, std::int64_t, std::string>>
            packages = {{"13600000001", "active", oct5, ""},
                        {"13600000002", "cancelling", sep1, "2026-10-31"},
                        {"13600000003", "cancelling", sep1, "2026-09-30"},
                        {"13600000004", "active", nov1, ""},
                        {"13600000007", "active", sep1, ""},
                        {"13600000007", "active", oct5, ""}};
        for (const auto& [msisdn, status, opened, ends_on] : packages)
            tx.execute(
                "INSERT INTO family_packages (msisdn, status, opened_ms, ends_on) "
                "VALUES (?, ?, ?, NULLIF(?, ''))",
                {msisdn, status, opened, ends_on});
    });
    const std::string where = " --format json --config " + (server.dir() / "config.json").string() +
                              " --data-dir " + server.data_dir().string();
    const auto ran =
        run_ehall(server.data_environment(),
                  "report penetration --month 2026-10 --plugin family --segment pen" + where);
    BOOST_REQUIRE_MESSAGE(ran.status == 0, ran.output);
    const auto r = nlohmann::json::parse(ran.output, nullptr, false);
    BOOST_TEST(r["month"] == "2026-10");
    BOOST_TEST(r["plugin"] == "family");
    BOOST_TEST(r["by_brand"]["全球通"]["holders"] == 2);
    BOOST_TEST(r["by_brand"]["全球通"]["customers"] == 3);
    BOOST_TEST(r["by_brand"]["全球通"]["rate"].get<double>() == 2.0 / 3, tt::tolerance(1e-12));
    BOOST_TEST(r["by_brand"]["神州行"] ==
               nlohmann::json({{"holders", 0}, {"customers", 2}, {"rate", 0.0}}));
    BOOST_TEST(r["by_brand"]["动感地带"] ==
               nlohmann::json({{"holders", 1}, {"customers", 1}, {"rate", 1.0}}));
    const auto one = run_ehall(
        server.data_environment(),
        "report penetration --month 2026-10 --plugin family --segment pen --brand 神州行" + where);
    BOOST_TEST(nlohmann::json::parse(one.output, nullptr, false)["by_brand"].size() == 1u,
               one.output);
    // Only a plugin that declares what holding means can be asked for.
    const auto billing = run_ehall(server.data_environment(),
                                   "report penetration --month 2026-10 --plugin billing" + where);
    BOOST_TEST(billing.status == 2, billing.output);
    BOOST_TEST(billing.output.find("family") != std::string::npos, billing.output);
}

BOOST_AUTO_TEST_SUITE_END()
