// The kiosk's own fields in a service call, and a heartbeat's device status.
#include <boost/test/unit_test.hpp>

#include "channels/kiosk/device_status.hpp"
#include "channels/kiosk/kiosk_call_fields.hpp"

using ehall::device_status_problem;
using ehall::kiosk_idempotency_key;
using ehall::kiosk_number;
using ehall::take_kiosk_fields;
using nlohmann::json;

BOOST_AUTO_TEST_SUITE(kiosk_request_fields)

BOOST_AUTO_TEST_CASE(takes_the_kiosk_fields_out_of_the_params) {
    auto fields = take_kiosk_fields(
        {{"amount_fen", 5000}, {"method", "cash"}, {"msisdn", "13800138000"}, {"kiosk_txn", "T-1"}},
        "");
    BOOST_TEST(fields.problem == "");
    BOOST_TEST(fields.msisdn == "13800138000");
    BOOST_TEST(fields.kiosk_txn == "T-1");
    BOOST_TEST(fields.params == json({{"amount_fen", 5000}, {"method", "cash"}}));

    auto with_token = take_kiosk_fields({{"customer_token", "abc"}}, "");
    BOOST_TEST(with_token.customer_token == "abc");
    BOOST_TEST(with_token.params == json::object());
}

BOOST_AUTO_TEST_CASE(the_header_and_the_field_name_one_transaction) {
    BOOST_TEST(take_kiosk_fields(json::object(), "T-9").kiosk_txn == "T-9");
    BOOST_TEST(take_kiosk_fields({{"kiosk_txn", "T-9"}}, "T-9").problem == "");
    BOOST_TEST(take_kiosk_fields({{"kiosk_txn", "T-9"}}, "T-8").problem ==
               "kiosk_txn and Idempotency-Key differ");
    BOOST_TEST(take_kiosk_fields({{"kiosk_txn", 20260401}}, "").kiosk_txn == "20260401");
    BOOST_TEST(take_kiosk_fields({{"kiosk_txn", "has space"}}, "").problem != "");
    BOOST_TEST(take_kiosk_fields({{"kiosk_txn", std::string(65, 'x')}}, "").problem != "");
    BOOST_TEST(take_kiosk_fields({{"msisdn", 13800138000LL}}, "").problem != "");
    BOOST_TEST(take_kiosk_fields(json::array(), "").problem == "the body must be a JSON object");
}

BOOST_AUTO_TEST_CASE(keys_are_scoped_to_the_terminal) {
    BOOST_TEST(kiosk_idempotency_key("KIOSK-0001", "T-1") == "KIOSK-0001:T-1");
    BOOST_TEST(kiosk_idempotency_key("KIOSK-0002", "T-1") !=
               kiosk_idempotency_key("KIOSK-0001", "T-1"));
    BOOST_TEST(kiosk_idempotency_key("KIOSK-0001", "") == "");
}

BOOST_AUTO_TEST_CASE(device_status_is_checked) {
    BOOST_TEST(!device_status_problem(
        {{"printer_paper", "low"}, {"cash_box", "full"}, {"version", "2.1.0"}}));
    BOOST_TEST(
        *device_status_problem({{"printer_paper", "gone"}, {"cash_box", "ok"}, {"version", "1"}}) ==
        "printer_paper must be ok, low or out");
    BOOST_TEST(
        *device_status_problem({{"printer_paper", "ok"}, {"cash_box", "open"}, {"version", "1"}}) ==
        "cash_box must be ok, full or error");
    BOOST_TEST(device_status_problem({{"printer_paper", "ok"}, {"cash_box", "ok"}}).has_value());
    BOOST_TEST(*device_status_problem(
                   {{"printer_paper", "ok"}, {"cash_box", "ok"}, {"version", "1"}, {"temp", 40}}) ==
               "unknown field temp");
    const nlohmann::json counted = {
        {"printer_paper", "ok"}, {"cash_box", "ok"}, {"version", "1"}, {"cash_box_fen", 125000}};
    BOOST_TEST(!device_status_problem(counted));
    for (const nlohmann::json& bad : {nlohmann::json(-1), nlohmann::json(12.5),
                                      nlohmann::json("125000"), nlohmann::json(2000000000)}) {
        auto status = counted;
        status["cash_box_fen"] = bad;
        BOOST_TEST(device_status_problem(status).value_or("").starts_with("cash_box_fen"), bad);
    }
}

BOOST_AUTO_TEST_CASE(kiosk_numbers_are_short_printable_text_or_whole_numbers) {
    BOOST_TEST(kiosk_number(42).value_or("") == "42");
    BOOST_TEST(kiosk_number("N-0042").value_or("") == "N-0042");
    BOOST_TEST(!kiosk_number(-1));
    BOOST_TEST(!kiosk_number(""));
    BOOST_TEST(!kiosk_number("has space"));
    BOOST_TEST(!kiosk_number(std::string(65, 'x')));
    BOOST_TEST(!kiosk_number(nlohmann::json()));
}

BOOST_AUTO_TEST_SUITE_END()
