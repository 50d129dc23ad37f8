// Sessions remembered in memory (gateway/recent_sessions.hpp): a logout here ends the
// session at once, one by another instance within the remembering time, and idle expiry
// still holds.
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <filesystem>
#include <functional>
#include <random>
#include <thread>
#include <vector>

#include <ehall/clock.hpp>
#include "gateway/identity/customer_sessions.hpp"
#include "gateway/store/core_schema.hpp"
#include "gateway/store/migrations.hpp"
#include "tests/support/test_database.hpp"

namespace {

using namespace std::chrono_literals;

struct SessionsFixture {
    std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                ("ehall-sessions-test-" + std::to_string(std::random_device{}()) +
                                 "-" + std::to_string(ehall::now_ms()));
    std::unique_ptr<ehall::HostStore> opened = ehall::test::open_test_store(dir / "ehall.db");
    ehall::HostStore& store = *opened;

    SessionsFixture() { ehall::apply_migrations(store, "core", ehall::core_migrations()); }
    ~SessionsFixture() {
        std::error_code ignored;
        std::filesystem::remove_all(dir, ignored);
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(customer_sessions, SessionsFixture)

BOOST_AUTO_TEST_CASE(a_logout_ends_a_remembered_session_at_once) {
    ehall::CustomerSessions sessions(store, 15min, 60s);
    auto opened = sessions.open("13800138000", "web");
    auto found = sessions.find(opened.token, "web");
    BOOST_REQUIRE(found);
    BOOST_TEST(found->msisdn == "13800138000");
    BOOST_TEST(found->csrf_token == opened.session.csrf_token);
    BOOST_TEST(sessions.find(opened.token, "web").has_value());  // from memory now
    sessions.close(opened.token);
    BOOST_TEST(!sessions.find(opened.token, "web").has_value());
    BOOST_TEST(!sessions.find(opened.token).has_value());
}

BOOST_AUTO_TEST_CASE(another_instances_logout_is_seen_within_the_remembering_time) {
    ehall::CustomerSessions here(store, 15min, 300ms);
    ehall::CustomerSessions elsewhere(store, 15min);
    auto opened = here.open("13800138000", "web");
    BOOST_REQUIRE(here.find(opened.token));
    elsewhere.close(opened.token);
    BOOST_TEST(!elsewhere.find(opened.token).has_value());
    std::this_thread::sleep_for(350ms);
    BOOST_TEST(!here.find(opened.token).has_value());
}

BOOST_AUTO_TEST_CASE(a_remembered_session_still_expires_when_idle) {
    ehall::CustomerSessions sessions(store, 1s, 60s);
    auto opened = sessions.open("13800138000", "web");
    BOOST_REQUIRE(sessions.find(opened.token));
    std::this_thread::sleep_for(1100ms);
    BOOST_TEST(!sessions.find(opened.token).has_value());
}

BOOST_AUTO_TEST_CASE(use_extends_a_remembered_session) {
    // Idle expiry 1 s: each use more than 250 ms after the last one writes the new expiry.
    ehall::CustomerSessions sessions(store, 1s, 60s);
    auto opened = sessions.open("13800138000", "web");
    for (int i = 0; i < 4; ++i) {
        std::this_thread::sleep_for(400ms);
        BOOST_REQUIRE(sessions.find(opened.token));
    }
    ehall::CustomerSessions without_memory(store, 1s);
    BOOST_TEST(without_memory.find(opened.token).has_value());
}

BOOST_AUTO_TEST_CASE(a_deferred_touch_writes_only_when_run) {
    // As the gateway runs it: find() on a network thread hands the expiry write to the workers.
    // Margins of a second and more either way, so a slow machine's late wake-ups do not
    // matter: the touched expiry (first find + 4 s) is 1.4 s after the last check.
    ehall::CustomerSessions sessions(store, 4s, 60s);
    std::vector<std::function<void()>> deferred;
    sessions.defer_touches(
        [&deferred](std::function<void()> touch) { deferred.push_back(std::move(touch)); });
    auto opened = sessions.open("13800138000", "web");
    std::this_thread::sleep_for(1500ms);  // past a quarter of the idle expiry
    BOOST_REQUIRE(sessions.find(opened.token));
    BOOST_REQUIRE_EQUAL(deferred.size(), 1u);
    BOOST_TEST(sessions.find(opened.token).has_value());
    BOOST_TEST(deferred.size() == 1u);    // touched once, remembered as touched
    std::this_thread::sleep_for(2600ms);  // past the expiry the store still holds
    ehall::CustomerSessions without_memory(store, 4s);
    BOOST_TEST(!without_memory.find(opened.token).has_value());
    deferred.front()();
    BOOST_TEST(without_memory.find(opened.token).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
