// `ehall report ...` over the hand-computed fixture (tests/fixtures/analytics/events.csv):
// every number below is worked out by hand in the comments.
#include <boost/test/unit_test.hpp>

#include "tests/support/analytics_fixture.hpp"
#include "tests/support/test_database.hpp"

using namespace ehall::test;
namespace tt = boost::test_tools;

namespace {

// Customers 1..6 pay bills; in March (Shanghai) their hall share of ok payments is
// 1: 5/5 (level 5), 2: 4/5 (level 4), 3: 3/5 (level 3), 4: 1/1 (its 23:30+08:00 payment;
// its 16:30Z one is 00:30 on April 1st in Shanghai), 5: 0 (hall top-ups and a declined hall
// payment do not count), 6: 1/1 (three error payments ignored).
const AnalyticsData& data() {
    static const AnalyticsData loaded("reports");
    return loaded;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(analytics_reports)

BOOST_AUTO_TEST_CASE(diversion_counts_every_definition) {
    const auto r = data().report(
        "diversion --business payment --from hall --base 2026-03 --months 2026-04,2026-05");
    BOOST_REQUIRE(!r.is_discarded());
    BOOST_TEST(r["business"] == "payment");
    BOOST_TEST(r["from"] == "hall");
    BOOST_TEST(r["base"] == "2026-03");
    BOOST_TEST(r["min_level"] == 4);
    BOOST_TEST(r["target_size"] == 4);  // customers 1, 2, 4, 6
    const auto& april = r["months"][0];
    // 1 paid on the web, 2 did not pay, 4 paid at the hall (the 16:30Z payment), 6 was
    // declined at the hall: three diverted, one of them via the web.
    BOOST_TEST(april["month"] == "2026-04");
    BOOST_TEST(april["diverted"] == 3);
    BOOST_TEST(april["rate"].get<double>() == 0.75, tt::tolerance(1e-12));
    BOOST_TEST(april["by_channel"] == nlohmann::json({{"web", 1}}));
    // May: 1 back at the hall; 2 via kiosk and mobile_pay, 4 twice via the web (counted
    // once), 6 via a partner hall.
    const auto& may = r["months"][1];
    BOOST_TEST(may["diverted"] == 3);
    BOOST_TEST(may["rate"].get<double>() == 0.75, tt::tolerance(1e-12));
    BOOST_TEST(may["by_channel"] ==
               nlohmann::json({{"kiosk", 1}, {"mobile_pay", 1}, {"partner_hall", 1}, {"web", 1}}));
    // Away from the hall in both months: 2 and 6.
    BOOST_TEST(r["consecutive"]["months"] == nlohmann::json({"2026-04", "2026-05"}));
    BOOST_TEST(r["consecutive"]["diverted"] == 2);
    BOOST_TEST(r["consecutive"]["rate"].get<double>() == 0.5, tt::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(level_boundaries_decide_the_target) {
    auto target = [](int level) {
        return data().report(
            "diversion --business payment --from hall --base 2026-03 "
            "--months 2026-04 --min-level " +
            std::to_string(level))["target_size"];
    };
    BOOST_TEST(target(5) == 3);  // 5/5, 1/1, 1/1: a share of exactly 1.0 is level 5
    BOOST_TEST(target(4) == 4);  // + 4/5 = 0.8 exactly: level 4
    BOOST_TEST(target(3) == 5);  // + 3/5 = 0.6 exactly: level 3
}

BOOST_AUTO_TEST_CASE(an_empty_target_has_rates_of_zero) {
    const auto r = data().report(
        "diversion --business payment --from bank --base 2026-03 --months 2026-04,2026-05");
    BOOST_REQUIRE(!r.is_discarded());
    BOOST_TEST(r["target_size"] == 0);
    for (const auto& month : r["months"]) {
        BOOST_TEST(month["diverted"] == 0);
        BOOST_TEST(month["rate"] == 0.0);
        BOOST_TEST(month["by_channel"] == nlohmann::json::object());
    }
    BOOST_TEST(r["consecutive"]["rate"] == 0.0);
}

BOOST_AUTO_TEST_CASE(echannel_share_per_shanghai_month) {
    const auto r = data().report("echannel-share --months 2026-03,2026-04,2026-05");
    BOOST_REQUIRE(!r.is_discarded());
    // March: 21 payment/top-up rows (4 via web) + 8 ok hotline rows = 29, 4 electronic.
    // April: web 1, hall 1 (the 16:30Z one), hotline 3 = 5. May: hall 1, kiosk 1,
    // mobile_pay 1, web 2, partner_hall 1, hotline 1, and customer 11's web payment at
    // 00:10 on May 1st in Shanghai (still April 30th in UTC) = 8, 5 electronic.
    const nlohmann::json expected = {{{"month", "2026-03"}, {"total", 29}, {"echannel", 4}},
                                     {{"month", "2026-04"}, {"total", 5}, {"echannel", 1}},
                                     {{"month", "2026-05"}, {"total", 8}, {"echannel", 5}}};
    const double shares[] = {4.0 / 29, 1.0 / 5, 5.0 / 8};
    BOOST_REQUIRE_EQUAL(r["months"].size(), 3u);
    for (std::size_t i = 0; i < 3; ++i) {
        auto month = r["months"][i];
        BOOST_TEST(month["share"].get<double>() == shares[i], tt::tolerance(1e-12));
        month.erase("share");
        BOOST_TEST(month == expected[i]);
    }
    const auto payments = data().report("echannel-share --months 2026-05 --business payment");
    BOOST_TEST(payments["business"] == "payment");
    BOOST_TEST(payments["months"][0]["total"] == 7);  // May without the hotline bill query
    BOOST_TEST(payments["months"][0]["echannel"] == 5);
}

BOOST_AUTO_TEST_CASE(preference_spreads_customers_over_levels) {
    const auto r = data().report("preference --business payment --month 2026-03");
    BOOST_REQUIRE(!r.is_discarded());
    BOOST_TEST(r["customers"] == 6);
    BOOST_REQUIRE_EQUAL(r["channels"].size(), 10u);
    for (const auto& channel : r["channels"]) {
        const std::string name = channel["channel"];
        if (name == "hall")  // 5: level 0; 3/5: 3; 4/5: 4; 5/5, 1/1, 1/1: 5
            BOOST_TEST(channel["levels"] == nlohmann::json({1, 0, 0, 1, 1, 3}));
        else if (name == "web")  // 1/5: 1; 2/5: 2; 1/1: 5; three never: 0
            BOOST_TEST(channel["levels"] == nlohmann::json({3, 1, 1, 0, 0, 1}));
        else
            BOOST_TEST(channel["levels"] == nlohmann::json({6, 0, 0, 0, 0, 0}), name);
    }
}

BOOST_AUTO_TEST_CASE(hotline_target_and_its_drop) {
    const auto r = data().report("hotline --base 2026-03 --months 2026-04,2026-05");
    BOOST_REQUIRE(!r.is_discarded());
    // 7: 3 contacts; 8: 3 ok (one rejected); 9: only 2.
    BOOST_TEST(r["target_size"] == 2);
    BOOST_TEST(r["min_calls"] == 3);
    // April: 7 once, 8 twice: nobody silent, one of the two callers called once.
    BOOST_TEST(r["months"][0]["no_calls"] == 0);
    BOOST_TEST(r["months"][0]["below_two"] == 1);
    BOOST_TEST(r["months"][0]["below_two_rate"].get<double>() == 0.5, tt::tolerance(1e-12));
    // May: 7 never, 8 once: the one caller called once.
    BOOST_TEST(r["months"][1]["no_calls"] == 1);
    BOOST_TEST(r["months"][1]["no_calls_rate"].get<double>() == 0.5, tt::tolerance(1e-12));
    BOOST_TEST(r["months"][1]["below_two"] == 1);
    BOOST_TEST(r["months"][1]["below_two_rate"].get<double>() == 1.0, tt::tolerance(1e-12));
    // Both called in April; 8 still only calls the hotline (level 5 in March and May).
    BOOST_TEST(r["consecutive"]["no_calls"] == 0);
    BOOST_TEST(r["level_drop"] ==
               nlohmann::json({{"month", "2026-05"}, {"dropped", 0}, {"rate", 0.0}}));
    BOOST_TEST(r["by_business"] ==
               nlohmann::json({{"balance_query", 1}, {"bill_query", 4}, {"other", 1}}));
}

BOOST_AUTO_TEST_CASE(cohort_by_first_channel) {
    // Joined in February: 1, 2, 4 (first payments at the hall), 10 (never pays), 11 (first
    // pays on the web at 00:10 on May 1st, Shanghai).
    const auto april = data().report("cohort --joined 2026-02 --business payment --month 2026-04");
    BOOST_REQUIRE(!april.is_discarded());
    BOOST_TEST(april["cohort_size"] == 5);
    BOOST_TEST(april["by_channel"] == nlohmann::json({{"hall", 3}}));
    BOOST_TEST(april["without"] == 2);
    const auto may = data().report("cohort --joined 2026-02 --business payment --month 2026-05");
    BOOST_TEST(may["by_channel"] == nlohmann::json({{"hall", 3}, {"web", 1}}));
    BOOST_TEST(may["without"] == 1);
}

BOOST_AUTO_TEST_CASE(table_and_csv_carry_the_same_numbers) {
    const std::string args =
        "report diversion --business payment --from hall --base 2026-03 --months 2026-04,2026-05";
    const auto csv = data().ehall(args + " --format csv");
    BOOST_TEST(csv.status == 0, csv.output);
    BOOST_TEST(csv.output ==
                   "month,diverted,rate,kiosk,mobile_pay,partner_hall,web\n"
                   "2026-04,3,0.7500,0,0,0,1\n"
                   "2026-05,3,0.7500,1,1,1,1\n"
                   "consecutive,2,0.5000,,,,\n",
               csv.output);
    const auto table = data().ehall(args);
    BOOST_TEST(table.status == 0, table.output);
    BOOST_TEST(table.output.find("month        diverted    rate  kiosk") != std::string::npos,
               table.output);
}

BOOST_AUTO_TEST_CASE(bad_parameters_are_named) {
    const auto result = data().ehall(
        "report diversion --business parking --from hall "
        "--base 2026-03 --months 2026-04");
    BOOST_TEST(result.status == 2);
    BOOST_TEST(result.output.find("--business 'parking' is not one of") != std::string::npos,
               result.output);
    const auto month = data().ehall("report echannel-share --months 2026-13");
    BOOST_TEST(month.status == 2);
    BOOST_TEST(month.output.find("--months '2026-13'") != std::string::npos, month.output);
    const auto level = data().ehall(
        "report diversion --business payment --from hall "
        "--base 2026-03 --months 2026-04 --min-level 6");
    BOOST_TEST(level.status == 2);
    const auto unknown = data().ehall("report parking");
    BOOST_TEST(unknown.status == 2);
}

BOOST_AUTO_TEST_SUITE_END()
