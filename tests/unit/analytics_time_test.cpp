// Shanghai months, event timestamps and preference levels (DESIGN §6a), by hand.
#include <boost/test/unit_test.hpp>

#include "gateway/analytics/event_time.hpp"
#include "gateway/analytics/month.hpp"
#include "gateway/analytics/preference_level.hpp"
#include "gateway/journal/journal_summary.hpp"

using namespace ehall::analytics;

BOOST_AUTO_TEST_SUITE(analytics_time)

BOOST_AUTO_TEST_CASE(event_times_in_all_three_forms) {
    // 2026-04-03T10:15:00+08:00 is 02:15 UTC.
    BOOST_TEST(*parse_event_time("2026-04-03T10:15:00+08:00") == 1775182500000LL);
    BOOST_TEST(*parse_event_time("2026-04-03T02:15:00Z") == 1775182500000LL);
    BOOST_TEST(*parse_event_time("1775182500000") == 1775182500000LL);
    BOOST_TEST(*parse_event_time("2026-04-03T02:15:00.250Z") == 1775182500250LL);
    BOOST_TEST(*parse_event_time("2026-04-02T21:15:00-05:00") == 1775182500000LL);
    // A local date in 1969 four hours after the epoch, and a real time a second before it.
    BOOST_TEST(*parse_event_time("1969-12-31T23:00:00-05:00") == 4 * 3600 * 1000LL);
    BOOST_TEST(*parse_event_time("1969-12-31T23:59:59Z") == -1000LL);
    for (const char* bad : {"", "2026-04-03", "2026-04-03T10:15:00", "2026-04-03 10:15:00+08:00",
                            "2026-02-29T10:00:00Z", "2026-04-03T24:00:00Z", "2026-04-03T10:15:00+8",
                            "12x", "2026-04-03T10:15:00+08:00x", "-5"})
        BOOST_TEST(!parse_event_time(bad).has_value(), bad);
}

BOOST_AUTO_TEST_CASE(months_are_shanghai_calendar_months) {
    const Month april = *Month::parse("2026-04");
    BOOST_TEST(april.start_ms() == *parse_event_time("2026-04-01T00:00:00+08:00"));
    BOOST_TEST(april.end_ms() == *parse_event_time("2026-05-01T00:00:00+08:00"));
    // 23:30 on March 31st in Shanghai is still March; 16:30Z that day is 00:30 on April 1st.
    BOOST_TEST(Month::containing(*parse_event_time("2026-03-31T23:30:00+08:00")).text() ==
               "2026-03");
    BOOST_TEST(Month::containing(*parse_event_time("2026-03-31T16:30:00Z")).text() == "2026-04");
    BOOST_TEST(Month::parse("2026-12")->next().text() == "2027-01");
    for (const char* bad : {"2026-13", "2026-00", "2026-4", "26-04", "2026/04", ""})
        BOOST_TEST(!Month::parse(bad).has_value(), bad);
    BOOST_TEST(parse_month_list("2026-04,2026-05")->size() == 2u);
    BOOST_TEST(!parse_month_list("2026-04,").has_value());
    BOOST_TEST(!parse_month_list("").has_value());
}

BOOST_AUTO_TEST_CASE(levels_at_the_share_boundaries) {
    BOOST_TEST(preference_level(0, 5) == 0);
    BOOST_TEST(preference_level(1, 10) == 1);  // 0.1 -> ceil(0.5)
    BOOST_TEST(preference_level(1, 5) == 1);   // 0.2 exactly
    BOOST_TEST(preference_level(2, 5) == 2);
    BOOST_TEST(preference_level(1, 3) == 2);  // 0.33 -> ceil(1.67)
    BOOST_TEST(preference_level(3, 5) == 3);  // 0.6 exactly, no rounding up to 4
    BOOST_TEST(preference_level(4, 5) == 4);  // 0.8 exactly
    BOOST_TEST(preference_level(5, 6) == 5);
    BOOST_TEST(preference_level(5, 5) == 5);   // 1.0
    BOOST_TEST(preference_level(7, 10) == 4);  // 0.7 -> ceil(3.5)
}

// The summary file counts a row under the month monthly_usage_month computes; the reports ask
// for the month computed here. Both must agree, at every edge of a Shanghai month.
BOOST_AUTO_TEST_CASE(the_summary_uses_the_reports_shanghai_month) {
    const std::int64_t instants[] = {0,
                                     1774972799999,  // 2026-03-31T23:59:59.999+08:00
                                     1774972800000,  // 2026-04-01T00:00:00+08:00
                                     1798732799999,  // 2026-12-31T23:59:59.999+08:00
                                     1798732800000,  // 2027-01-01T00:00:00+08:00
                                     1835395200000,  // 2028-02-29T08:00:00+08:00
                                     ehall::monthly_usage_last_ms};
    for (const std::int64_t ts : instants)
        BOOST_TEST(*ehall::monthly_usage_month(ts) == Month::containing(ts).key(), ts);
    BOOST_TEST(Month::containing(1774972799999).key() == 202603);
    BOOST_TEST(Month::containing(1774972800000).key() == 202604);
}

BOOST_AUTO_TEST_SUITE_END()
