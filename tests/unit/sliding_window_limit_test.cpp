#include <boost/test/unit_test.hpp>

#include "gateway/base/sliding_window_limit.hpp"

using ehall::SlidingWindowLimit;
using namespace std::chrono_literals;

BOOST_AUTO_TEST_SUITE(sliding_window_limit)

BOOST_AUTO_TEST_CASE(a_burst_cannot_straddle_two_minutes) {
    SlidingWindowLimit limit(3);
    const auto start = SlidingWindowLimit::Clock::time_point{} + 1h + 59s;
    for (int i = 0; i < 3; ++i) {
        BOOST_TEST(!limit.reached("a", start));
        limit.add("a", start);
    }
    BOOST_TEST(limit.reached("a", start + 2s));   // a new calendar minute, the same 60 s
    BOOST_TEST(!limit.reached("b", start + 2s));  // another key has its own
    BOOST_TEST(limit.reached("a", start + 59s));
    BOOST_TEST(!limit.reached("a", start + 60s));  // the three have left the window
}

BOOST_AUTO_TEST_CASE(only_added_events_count_and_zero_means_no_limit) {
    SlidingWindowLimit limit(1);
    const auto start = SlidingWindowLimit::Clock::time_point{} + 1h;
    for (int i = 0; i < 10; ++i)
        BOOST_TEST(!limit.reached("a", start));
    limit.add("a", start + 1s);
    BOOST_TEST(limit.reached("a", start + 30s));
    BOOST_TEST(!limit.reached("a", start + 61s));
    SlidingWindowLimit off(0);
    for (int i = 0; i < 100; ++i)
        off.add("a", start);
    BOOST_TEST(!off.reached("a", start));
}

BOOST_AUTO_TEST_SUITE_END()
