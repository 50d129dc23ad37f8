// Two `ehall serve` instances on one PostgreSQL database (DESIGN §9): a customer and the
// ops staff see the same through either, an enable/disable reaches the other within a
// second, and a payment retried through both instances at once is taken once.
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <future>
#include <set>
#include <thread>

#include "tests/support/demo_customer.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/server_process.hpp"
#include "tests/support/store_state.hpp"
#include "tests/support/test_database.hpp"

using namespace ehall::test;

namespace {

// Both instances of a test, on one database.
struct TwoInstances {
    ServerProcess first{"two-instances-a"};
    ServerProcess second{"two-instances-b", &first};

    TwoInstances() {
        const auto config = demo_config({"billing", "family", "points", "offers"});
        BOOST_REQUIRE(first.start(config));
        BOOST_REQUIRE(second.start(config));
    }
};

HttpResult balance(HttpClient& client, const std::string& token) {
    return client.post("/api/v1/services/billing/balance", nlohmann::json::object(), bearer(token));
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(two_instances, TwoInstances, *postgres_only())

BOOST_AUTO_TEST_CASE(a_session_and_its_logout_hold_on_both) {
    HttpClient a(first.port());
    HttpClient b(second.port());
    const auto token = demo_token(a);
    BOOST_REQUIRE(!token.empty());
    auto answer = balance(b, token);
    BOOST_TEST(answer.status == 200u, answer.body);
    BOOST_TEST(answer.json()["data"]["balance_fen"] == 5860);

    BOOST_TEST(a.post("/api/v1/logout", nlohmann::json::object(), bearer(token)).status == 200u);
    // The other instance remembers a session for at most a second (recent_sessions.hpp).
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    BOOST_TEST(balance(b, token).status == 401u);
}

BOOST_AUTO_TEST_CASE(a_plugin_switched_off_on_one_is_off_on_the_other_within_a_second) {
    HttpClient a(first.port());
    HttpClient b(second.port());
    const auto token = demo_token(b);
    BOOST_REQUIRE(balance(b, token).status == 200u);

    const nlohmann::json web_only = {{"channels", nlohmann::json::array({"web"})}};
    BOOST_REQUIRE(
        a.post("/admin/v1/plugins/billing/disable", web_only, bearer(admin_token)).status == 200u);
    const auto switched = std::chrono::steady_clock::now();
    while (balance(b, token).status != 403u &&
           std::chrono::steady_clock::now() - switched < std::chrono::seconds(3))
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    const auto took = std::chrono::steady_clock::now() - switched;
    BOOST_TEST(balance(b, token).json()["code"] == "plugin_disabled");
    BOOST_TEST(
        took <= std::chrono::milliseconds(1100),
        "took " << std::chrono::duration_cast<std::chrono::milliseconds>(took).count() << " ms");
    // The change is audited once, seen from either instance.
    auto audit = b.get("/admin/v1/audit", bearer(admin_token)).json();
    BOOST_REQUIRE(!audit["entries"].empty());
    BOOST_TEST(audit["entries"][0]["action"] == "plugin.disable");
}

BOOST_AUTO_TEST_CASE(a_payment_retried_through_both_at_once_is_taken_once) {
    HttpClient login_client(first.port());
    const auto token = demo_token(login_client);
    const auto before = store_scalar(first,
                                     "SELECT balance_fen FROM accounts WHERE msisdn = "
                                     "'13800138000'");
    const nlohmann::json payment = {{"amount_fen", 1500}, {"method", "card"}};
    std::vector<std::future<HttpResult>> answers;
    for (int i = 0; i < 8; ++i) {
        const auto port = (i % 2 ? second : first).port();
        answers.push_back(std::async(std::launch::async, [port, &token, &payment] {
            HttpClient client(port);
            return client.post("/api/v1/services/billing/pay", payment,
                               with(bearer(token), "Idempotency-Key", "two-instances-pay-1"));
        }));
    }
    std::set<std::int64_t> payment_ids;
    for (auto& answer : answers) {
        auto result = answer.get();
        BOOST_TEST(result.status == 200u, result.body << "\nlogs:\n"
                                                      << first.stderr_text()
                                                      << second.stderr_text());
        payment_ids.insert(result.json()["data"].value("payment_id", std::int64_t{-1}));
    }
    BOOST_TEST(payment_ids.size() == 1u);
    BOOST_TEST(store_scalar(first,
                            "SELECT count(*) FROM payments WHERE idempotency_key LIKE "
                            "'%two-instances-pay-1'") == 1);
    BOOST_TEST(store_scalar(first,
                            "SELECT balance_fen FROM accounts WHERE msisdn = "
                            "'13800138000'") == before + 1500);
}

BOOST_AUTO_TEST_SUITE_END()
