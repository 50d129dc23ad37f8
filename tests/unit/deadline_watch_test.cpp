#include <boost/asio/io_context.hpp>
#include <boost/test/unit_test.hpp>

#include "gateway/dispatch/deadline_watch.hpp"

using namespace ehall;
using namespace std::chrono_literals;

BOOST_AUTO_TEST_SUITE(deadline_watch)

BOOST_AUTO_TEST_CASE(expires_what_is_not_cancelled) {
    boost::asio::io_context io;
    DeadlineWatch watch(io.get_executor(), 5ms);
    watch.start();
    int expired = 0;
    auto now = DeadlineWatch::Clock::now();
    watch.watch(now + 20ms, [&] { ++expired; });
    auto cancelled = watch.watch(now + 20ms, [&] { expired += 100; });
    watch.watch(now + 1h, [&] { expired += 1000; });
    watch.cancel(cancelled);
    io.run_for(200ms);
    BOOST_TEST(expired == 1);
    watch.stop();
    io.run_for(50ms);
}

BOOST_AUTO_TEST_SUITE_END()
