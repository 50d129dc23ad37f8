#include <boost/test/unit_test.hpp>

#include "tests/plugin_tests/plugin_harness.hpp"

using ehall::test::PluginHarness;

BOOST_AUTO_TEST_SUITE(billing_reads)

BOOST_AUTO_TEST_CASE(balance_and_bill_of_the_demo_customer) {
    PluginHarness billing("billing");
    auto balance = billing.call("balance");
    BOOST_TEST(balance.code == "ok");
    BOOST_TEST(balance.data["balance_fen"].get<int>() == 5860);
    auto bill = billing.call("bill");
    BOOST_TEST(bill.data["due_fen"].get<int>() == 12850);
    BOOST_TEST(bill.data["months"].size() == 6u);
    BOOST_TEST(bill.data["current"]["status"].get<std::string>() == "due");
}

BOOST_AUTO_TEST_SUITE_END()
