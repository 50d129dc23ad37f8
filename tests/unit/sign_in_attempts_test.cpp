// Reserving sign-in attempts in a real store: a lockout per key, a back-off per source.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <random>

#include <ehall/clock.hpp>
#include "gateway/identity/sign_in_attempts.hpp"
#include "gateway/store/core_schema.hpp"
#include "gateway/store/migrations.hpp"
#include "tests/support/test_database.hpp"

using namespace ehall;

namespace {

constexpr std::int64_t t0 = 1'800'000'000'000;
constexpr std::int64_t second = 1000;

struct AttemptStore {
    std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                ("ehall-sign-in-test-" + std::to_string(std::random_device{}()) +
                                 "-" + std::to_string(now_ms()));
    std::unique_ptr<HostStore> store;

    AttemptStore() {
        store = test::open_test_store(dir / "ehall.db");
        apply_migrations(*store, "core", core_migrations());
    }
    ~AttemptStore() {
        store.reset();
        std::error_code ignored;
        std::filesystem::remove_all(dir, ignored);
    }
    SignInReservation reserve(const std::string& key, const SignInPolicy& policy,
                              std::int64_t now) {
        SignInReservation reservation;
        store->write([&](Transaction& tx) { reservation = reserve_sign_in(tx, key, policy, now); });
        return reservation;
    }
};

const SignInPolicy lockout{.limit = 3, .window = std::chrono::minutes(15)};
const SignInPolicy back_off{.limit = 3, .window = std::chrono::minutes(15), .back_off = true};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(sign_in_attempts, AttemptStore)

BOOST_AUTO_TEST_CASE(a_lockout_refuses_until_the_oldest_failure_ages_out) {
    for (int i = 0; i < 3; ++i) {
        auto granted = reserve("13800138000", lockout, t0 + i * second);
        BOOST_TEST(granted.granted);
        BOOST_TEST(granted.failures == i + 1);
    }
    auto refused = reserve("13800138000", lockout, t0 + 10 * second);
    BOOST_TEST(!refused.granted);
    BOOST_TEST(refused.retry_after_ms == 15 * 60 * second - 10 * second);
    BOOST_TEST(reserve("13900139000", lockout, t0 + 10 * second).granted);  // per key
    BOOST_TEST(reserve("13800138000", lockout, t0 + 15 * 60 * second).granted);
}

BOOST_AUTO_TEST_CASE(a_success_forgets_the_failures) {
    for (int i = 0; i < 2; ++i)
        BOOST_TEST(reserve("k", lockout, t0).granted);
    store->write([](Transaction& tx) { forget_failures(tx, "k"); });
    BOOST_TEST(reserve("k", lockout, t0).failures == 1);
}

BOOST_AUTO_TEST_CASE(a_back_off_doubles_after_the_free_tries) {
    for (int i = 0; i < 3; ++i)
        BOOST_TEST(reserve("src", back_off, t0).granted);
    auto waiting = reserve("src", back_off, t0 + 500);
    BOOST_TEST(!waiting.granted);
    BOOST_TEST(waiting.retry_after_ms == 500);
    BOOST_TEST(reserve("src", back_off, t0 + 1 * second).granted);  // 1 s after the third
    BOOST_TEST(!reserve("src", back_off, t0 + 2 * second).granted);
    BOOST_TEST(reserve("src", back_off, t0 + 3 * second).granted);  // 2 s after the fourth
    BOOST_TEST(reserve("src", back_off, t0 + 7 * second).granted);  // then 4 s
}

BOOST_AUTO_TEST_SUITE_END()
