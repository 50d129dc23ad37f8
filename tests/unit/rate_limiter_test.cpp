#include <boost/test/unit_test.hpp>

#include "gateway/base/rate_limiter.hpp"

using namespace ehall;

BOOST_AUTO_TEST_SUITE(rate_limiter)

BOOST_AUTO_TEST_CASE(limits_each_key_per_minute) {
    RateLimiter limiter(3);
    auto t0 = std::chrono::steady_clock::time_point(std::chrono::minutes(1000));
    for (int i = 0; i < 3; ++i)
        BOOST_TEST(limiter.allow("web:13800138000", t0));
    BOOST_TEST(!limiter.allow("web:13800138000", t0 + std::chrono::seconds(30)));
    BOOST_TEST(limiter.allow("sms:13800138000", t0));
    BOOST_TEST(limiter.allow("web:13800138000", t0 + std::chrono::minutes(1)));
}

BOOST_AUTO_TEST_CASE(zero_means_no_limit) {
    RateLimiter limiter(0);
    auto now = std::chrono::steady_clock::now();
    for (int i = 0; i < 1000; ++i)
        BOOST_TEST_REQUIRE(limiter.allow("k", now));
}

BOOST_AUTO_TEST_SUITE_END()
