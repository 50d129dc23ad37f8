// `ehall import events|customers|segments` through the real binary: every bad line named,
// nothing written unless --skip-bad, rows in the journal marked source 'import'.
#include <boost/test/unit_test.hpp>

#include "tests/support/analytics_fixture.hpp"
#include "tests/support/test_database.hpp"

using namespace ehall::test;

namespace {

bool mentions(const std::string& output, const std::string& text) {
    return output.find(text) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(analytics_import)

BOOST_AUTO_TEST_CASE(events_land_in_the_journal_as_imports_in_utc) {
    AnalyticsData data("import-events");
    const auto rows = data.interactions();
    BOOST_REQUIRE_EQUAL(rows.size(), 48u);
    const auto& first = rows.front();
    BOOST_TEST(first["source"] == "import");
    BOOST_TEST(first["ts_ms"] == 1772416800000LL);  // 2026-03-02T10:00:00+08:00
    BOOST_TEST(first["msisdn"] == "13800000001");
    BOOST_TEST(first["channel"] == "hall");
    BOOST_TEST(first["business"] == "payment");
    BOOST_TEST(first["outcome"] == "ok");
    BOOST_TEST(first["amount_fen"] == 5000);
    BOOST_TEST(rows[2]["amount_fen"].is_null());
    BOOST_TEST(rows[7]["ts_ms"] == 1772528400000LL);   // 2026-03-03T09:00:00Z
    BOOST_TEST(rows[28]["ts_ms"] == 1773540000000LL);  // given as epoch milliseconds
}

BOOST_AUTO_TEST_CASE(a_file_with_bad_lines_imports_nothing_and_names_each) {
    AnalyticsData data("import-bad", false);
    const auto result = data.ehall("import events " + analytics_fixture("bad_events.csv").string());
    BOOST_TEST(result.status == 1, result.output);
    BOOST_TEST(mentions(result.output, "bad_events.csv:3: ts '2026-03-02 10:00:00'"),
               result.output);
    BOOST_TEST(mentions(result.output, "bad_events.csv:4: msisdn '1380000000'"), result.output);
    BOOST_TEST(mentions(result.output, "bad_events.csv:5: channel 'fax'"), result.output);
    BOOST_TEST(mentions(result.output, "bad_events.csv:6: expected 5 fields, found 4"),
               result.output);
    BOOST_TEST(mentions(result.output, "bad_events.csv:8: outcome 'maybe'"), result.output);
    BOOST_TEST(mentions(result.output, "bad_events.csv:9: ts '2026-02-30T10:00:00+08:00'"),
               result.output);
    BOOST_TEST(!mentions(result.output, "bad_events.csv:2:"), result.output);
    BOOST_TEST(!mentions(result.output, "bad_events.csv:7:"), result.output);
    BOOST_TEST(mentions(result.output, "nothing imported: 6 bad line(s)"), result.output);
    BOOST_TEST(data.interactions().empty());
}

BOOST_AUTO_TEST_CASE(skip_bad_imports_the_good_lines_and_lists_the_rest) {
    AnalyticsData data("import-skip", false);
    const auto result =
        data.ehall("import events --skip-bad " + analytics_fixture("bad_events.csv").string());
    BOOST_TEST(result.status == 0, result.output);
    BOOST_TEST(mentions(result.output, "imported 2 events"), result.output);
    BOOST_TEST(mentions(result.output, "skipped 6 bad line(s)"), result.output);
    BOOST_TEST(mentions(result.output, "bad_events.csv:5: channel 'fax'"), result.output);
    const auto rows = data.interactions();
    BOOST_REQUIRE_EQUAL(rows.size(), 2u);
    BOOST_TEST(rows[1]["msisdn"] == "13800000002");
    BOOST_TEST(rows[1]["business"] == "topup");
}

BOOST_AUTO_TEST_CASE(a_wrong_header_is_refused) {
    AnalyticsData data("import-header", false);
    const auto result =
        data.ehall("import segments " + analytics_fixture("customers.csv").string());
    BOOST_TEST(result.status == 1, result.output);
    BOOST_TEST(mentions(result.output, "the header must be msisdn,tag"), result.output);
    const auto missing = data.ehall("import events /nonexistent/events.csv");
    BOOST_TEST(missing.status == 1, missing.output);
    BOOST_TEST(mentions(missing.output, "cannot read /nonexistent/events.csv"), missing.output);
}

BOOST_AUTO_TEST_CASE(customers_and_segments_land_in_the_store) {
    AnalyticsData data("import-store");
    // The cohort report reads the imported join dates: 5 customers joined in February.
    const auto cohort = data.report("cohort --joined 2026-02 --business payment --month 2026-04");
    BOOST_REQUIRE(!cohort.is_discarded());
    BOOST_TEST(cohort["cohort_size"] == 5);
    const auto again = data.ehall("import segments " + analytics_fixture("segments.csv").string());
    BOOST_TEST(again.status == 0, again.output);  // re-importing the same tags is harmless
    const auto bad_brand =
        data.ehall("import customers " + analytics_fixture("segments.csv").string());
    BOOST_TEST(bad_brand.status == 1);
}

BOOST_AUTO_TEST_SUITE_END()
