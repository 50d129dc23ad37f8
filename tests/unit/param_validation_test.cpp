#include <boost/test/unit_test.hpp>

#include "gateway/dispatch/param_validation.hpp"

using namespace ehall;
using json = nlohmann::json;

namespace {

OperationSpec pay_spec() {
    OperationSpec op;
    op.name = "pay";
    op.params = {
        {.name = "amount_fen", .type = ParamType::amount, .min = 1, .max = 500000},
        {.name = "method", .type = ParamType::choice, .choices = {"card", "cash"}},
        {.name = "number", .type = ParamType::msisdn, .required = false},
        {.name = "pin", .type = ParamType::digits, .required = false, .min = 19, .max = 19},
        {.name = "note", .type = ParamType::text, .required = false, .max_length = 8},
    };
    return op;
}

std::string problem(json params) {
    auto result = validate_params(pay_spec(), params);
    return result ? result->message : "";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(param_validation)

BOOST_AUTO_TEST_CASE(valid_params_pass_and_digit_strings_become_integers) {
    json params = {{"amount_fen", "1000"}, {"method", "card"}, {"number", "13912345678"}};
    BOOST_TEST(!validate_params(pay_spec(), params));
    BOOST_TEST(params["amount_fen"].is_number_integer());
    BOOST_TEST(params["amount_fen"].get<int>() == 1000);
}

BOOST_AUTO_TEST_CASE(bad_amounts_are_refused_by_name) {
    BOOST_TEST(problem({{"amount_fen", -5}, {"method", "card"}}).find("amount_fen") !=
               std::string::npos);
    BOOST_TEST(problem({{"amount_fen", 0}, {"method", "card"}}).find("positive") !=
               std::string::npos);
    BOOST_TEST(problem({{"amount_fen", 12.5}, {"method", "card"}}).find("whole") !=
               std::string::npos);
    BOOST_TEST(problem({{"amount_fen", "12.5"}, {"method", "card"}}).find("whole") !=
               std::string::npos);
    BOOST_TEST(problem({{"amount_fen", "1e9"}, {"method", "card"}}) != "");
    BOOST_TEST(problem({{"amount_fen", 500001}, {"method", "card"}}).find("between") !=
               std::string::npos);
    BOOST_TEST(problem({{"amount_fen", "99999999999999999999999"}, {"method", "card"}}) != "");
}

BOOST_AUTO_TEST_CASE(missing_unknown_and_mistyped_params) {
    BOOST_TEST(problem({{"method", "card"}}) == "missing parameter 'amount_fen'");
    BOOST_TEST(problem({{"amount_fen", 1}, {"method", "card"}, {"extra", 1}}) ==
               "unknown parameter 'extra'");
    BOOST_TEST(problem({{"amount_fen", 1}, {"method", "cheque"}}).find("card, cash") !=
               std::string::npos);
    BOOST_TEST(problem({{"amount_fen", 1}, {"method", "card"}, {"number", "1391234567"}}) != "");
    BOOST_TEST(
        problem({{"amount_fen", 1}, {"method", "card"}, {"number", "１３９１２３４５６７８"}}) !=
        "");
    BOOST_TEST(
        problem({{"amount_fen", 1}, {"method", "card"}, {"pin", "12345"}}).find("19 digits") !=
        std::string::npos);
    BOOST_TEST(problem({{"amount_fen", 1}, {"method", "card"}, {"note", "abc\r\nX-Evil: 1"}}) !=
               "");
    BOOST_TEST(problem({{"amount_fen", 1}, {"method", "card"}, {"note", "' OR 1=1 --"}}) != "");
    json not_object = json::array();
    BOOST_TEST(validate_params(pay_spec(), not_object).has_value());
}

// JSON numbers past INT64_MAX arrive unsigned; they used to wrap to negative integers.
BOOST_AUTO_TEST_CASE(integers_past_int64_are_refused_not_wrapped) {
    OperationSpec op;
    op.params = {{.name = "count", .type = ParamType::integer}};  // no range
    json params = json::parse(R"({"count":18446744073709551615})");
    auto problem = validate_params(op, params);
    BOOST_REQUIRE(problem);
    BOOST_TEST(problem->code == "bad_request");
    BOOST_TEST(problem->message == "parameter 'count' is out of range");
    params = json::parse(R"({"count":9223372036854775807})");
    BOOST_TEST(!validate_params(op, params));
    BOOST_TEST(params["count"].get<std::int64_t>() == INT64_MAX);
}

BOOST_AUTO_TEST_CASE(mobile_numbers) {
    BOOST_TEST(is_mobile_number("13800138000"));
    BOOST_TEST(!is_mobile_number("12800138000"));
    BOOST_TEST(!is_mobile_number("1380013800"));
    BOOST_TEST(!is_mobile_number("+8613800138000"));
}

BOOST_AUTO_TEST_CASE(a_value_failing_its_checks_answers_with_the_declared_code) {
    OperationSpec op;
    op.params = {
        {.name = "number", .type = ParamType::phone, .invalid_code = "family_number_invalid"}};
    json params = {{"number", "12ab"}};
    auto problem = validate_params(op, params);
    BOOST_REQUIRE(problem);
    BOOST_TEST(problem->code == "family_number_invalid");
    BOOST_TEST(problem->message.find("number") != std::string::npos);
    // A missing or unknown parameter is a malformed request, whatever the parameter declares.
    params = json::object();
    BOOST_TEST(validate_params(op, params)->code == "bad_request");
    params = {{"number", "13912345678"}, {"extra", 1}};
    BOOST_TEST(validate_params(op, params)->code == "bad_request");
}

BOOST_AUTO_TEST_SUITE_END()
