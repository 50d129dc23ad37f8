// billing.pay and billing.topup_voucher over the web JSON API of the real server: status
// codes, idempotent retries through the Idempotency-Key header, and the journal's rows.
#include <boost/test/unit_test.hpp>

#include "tests/support/demo_customer.hpp"
#include "tests/support/journal_reader.hpp"
#include "tests/support/server_process.hpp"

using namespace ehall::test;

namespace {

const std::string pay_path = "/api/v1/services/billing/pay";
const std::string topup_path = "/api/v1/services/billing/topup_voucher";

}  // namespace

BOOST_AUTO_TEST_SUITE(billing_api)

BOOST_AUTO_TEST_CASE(payments_and_vouchers_over_the_web_api) {
    ServerProcess server("billing-api");
    BOOST_REQUIRE(server.start(demo_config({"billing"})));
    {
        HttpClient client(server.port());
        const std::string token = demo_token(client);
        BOOST_REQUIRE(!token.empty());
        const Headers auth = with(bearer(token), "Idempotency-Key", "it-billing-pay-0001");
        const nlohmann::json payment = {{"amount_fen", 2000}, {"method", "card"}};

        auto first = client.post(pay_path, payment, with(auth, "X-Request-Id", "it-pay-1"));
        BOOST_TEST(first.status == 200u, first.body);
        auto first_body = first.json();
        BOOST_TEST(first_body["code"] == "ok");
        BOOST_TEST(first_body["data"]["balance_fen"] == 7860);
        auto again = client.post(pay_path, payment, with(auth, "X-Request-Id", "it-pay-2"));
        BOOST_TEST(again.status == 200u, again.body);
        BOOST_TEST(again.json()["data"]["payment_id"] == first_body["data"]["payment_id"]);
        BOOST_TEST(again.json()["data"]["replayed"] == true);
        auto balance = client.post("/api/v1/services/billing/balance", {}, bearer(token));
        BOOST_TEST(balance.json()["data"]["balance_fen"] == 7860);  // credited once

        auto cash = client.post(pay_path, {{"amount_fen", 2000}, {"method", "cash"}},
                                with(bearer(token), "X-Request-Id", "it-pay-cash"));
        BOOST_TEST(cash.status == 400u);
        BOOST_TEST(cash.json()["code"] == "bad_request");
        auto declined = client.post(pay_path, {{"amount_fen", 66600}, {"method", "card"}},
                                    with(bearer(token), "X-Request-Id", "it-pay-declined"));
        BOOST_TEST(declined.status == 422u);
        BOOST_TEST(declined.json()["code"] == "payment_failed");

        const nlohmann::json voucher = {{"pin", "1000000000000000001"}};
        auto topup =
            client.post(topup_path, voucher, with(bearer(token), "X-Request-Id", "it-cz-1"));
        BOOST_TEST(topup.status == 200u, topup.body);
        BOOST_TEST(topup.json()["data"]["amount_fen"] == 5000);
        auto used =
            client.post(topup_path, voucher, with(bearer(token), "X-Request-Id", "it-cz-2"));
        BOOST_TEST(used.status == 409u);
        BOOST_TEST(used.json()["code"] == "voucher_used");
        BOOST_TEST(used.json()["status"] == "error");
    }
    BOOST_REQUIRE(server.stop() == 0);

    const auto rows = read_interactions(server);
    struct Expected {
        const char* id;
        const char* business;
        const char* outcome;
        const char* code;
        nlohmann::json amount_fen;
    };
    const Expected expected[] = {
        {"it-pay-1", "payment", "ok", "ok", 2000},
        {"it-pay-2", "payment", "ok", "ok", nullptr},  // the replay moved no money
        {"it-pay-cash", "payment", "rejected", "bad_request", nullptr},
        {"it-pay-declined", "payment", "declined", "payment_failed", nullptr},
        {"it-cz-1", "topup", "ok", "ok", 5000},
        {"it-cz-2", "topup", "declined", "voucher_used", nullptr},
    };
    for (const auto& want : expected) {
        BOOST_TEST_CONTEXT(want.id) {
            const auto* row = find_by_request_id(rows, want.id);
            BOOST_TEST_REQUIRE(row != nullptr);
            BOOST_TEST((*row)["plugin"] == "billing");
            BOOST_TEST((*row)["business"] == want.business);
            BOOST_TEST((*row)["outcome"] == want.outcome);
            BOOST_TEST((*row)["code"] == want.code);
            BOOST_TEST((*row)["amount_fen"] == want.amount_fen);
            BOOST_TEST((*row)["msisdn"] == demo_msisdn);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
