// Simultaneous adds against the real SQLite file: the five-number limit holds under races.
#include <boost/test/unit_test.hpp>
#include <latch>
#include <thread>
#include <vector>

#include "tests/plugin_tests/plugin_harness.hpp"

using ehall::test::PluginHarness;
using Call = PluginHarness::Call;

BOOST_AUTO_TEST_SUITE(family_concurrency)

BOOST_AUTO_TEST_CASE(eight_simultaneous_adds_leave_exactly_five_numbers) {
    PluginHarness family("family");
    auto opened = family.call("open");
    BOOST_REQUIRE(opened.code == "ok");
    const auto id = opened.data["package_id"].get<std::int64_t>();

    constexpr int adders = 8;
    std::vector<std::string> codes(adders);
    std::latch start(adders);
    std::vector<std::thread> threads;
    for (int i = 0; i < adders; ++i) {
        threads.emplace_back([&, i] {
            start.arrive_and_wait();
            // Half name the package, half let the plugin pick it.
            nlohmann::json params = {{"number", "1391234567" + std::to_string(i)}};
            if (i % 2 == 0)
                params["package_id"] = id;
            codes[i] = family.call(Call{.operation = "add", .params = params}).code;
        });
    }
    for (auto& thread : threads)
        thread.join();

    int ok = 0, limit = 0;
    for (const auto& code : codes) {
        ok += code == "ok";
        limit += code == "family_number_limit";
    }
    BOOST_TEST(ok == 5);
    BOOST_TEST(limit == 3);
    BOOST_TEST(family.scalar("SELECT count(*) AS value FROM family_members WHERE package_id = ?",
                             {id}) == 5);
    BOOST_TEST(family.scalar("SELECT count(*) AS value FROM family_packages") == 1);
}

BOOST_AUTO_TEST_CASE(simultaneous_retries_of_one_open_charge_once) {
    PluginHarness family("family");
    constexpr int retries = 6;
    std::vector<std::string> codes(retries);
    std::vector<std::int64_t> ids(retries);
    std::latch start(retries);
    std::vector<std::thread> threads;
    for (int i = 0; i < retries; ++i) {
        threads.emplace_back([&, i] {
            start.arrive_and_wait();
            auto result = family.call(Call{.operation = "open", .idempotency_key = "open-race-1"});
            codes[i] = result.code;
            ids[i] = result.data.value("package_id", std::int64_t{0});
        });
    }
    for (auto& thread : threads)
        thread.join();
    for (int i = 0; i < retries; ++i) {
        BOOST_TEST(codes[i] == "ok");
        BOOST_TEST(ids[i] == ids[0]);
    }
    BOOST_TEST(family.scalar("SELECT count(*) AS value FROM family_packages") == 1);
    BOOST_TEST(family.scalar("SELECT balance_fen AS value FROM accounts WHERE msisdn = ?",
                             {"13800138000"}) == 5560);
}

BOOST_AUTO_TEST_SUITE_END()
