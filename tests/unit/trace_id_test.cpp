#include <boost/test/unit_test.hpp>

#include <set>
#include <string>
#include <thread>
#include <vector>

#include "gateway/base/random_token.hpp"

BOOST_AUTO_TEST_SUITE(trace_ids)

BOOST_AUTO_TEST_CASE(sixteen_lowercase_hex_digits) {
    const std::string id = ehall::trace_id();
    BOOST_TEST(id.size() == 16u);
    BOOST_TEST(id.find_first_not_of("0123456789abcdef") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(distinct_within_and_across_threads) {
    constexpr int per_thread = 50000;
    std::vector<std::vector<std::string>> made(2);
    std::vector<std::thread> threads;
    for (auto& ids : made) {
        threads.emplace_back([&ids] {
            for (int i = 0; i < per_thread; ++i)
                ids.push_back(ehall::trace_id());
        });
    }
    for (auto& thread : threads)
        thread.join();
    std::set<std::string> all;
    for (const auto& ids : made)
        all.insert(ids.begin(), ids.end());
    BOOST_TEST(all.size() == 2u * per_thread);
}

BOOST_AUTO_TEST_SUITE_END()
