#include <boost/test/unit_test.hpp>

#include "gateway/http/result_response.hpp"

using ehall::ServiceResult;

namespace {

// result_response writes its body directly; it must be the envelope result_json describes.
void check_same_text(const ServiceResult& result) {
    const auto response = ehall::result_response(result);
    const auto expected =
        ehall::result_json(result).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    BOOST_TEST(response.body() == expected);
    BOOST_TEST(response[ehall::http::field::content_type] == "application/json");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(result_responses)

BOOST_AUTO_TEST_CASE(ok_with_data_is_the_envelope) {
    ServiceResult ok = ServiceResult::ok(
        {{"balance_fen", 5860}, {"brand", "全球通"}, {"items", nlohmann::json::array({1, 2})}});
    check_same_text(ok);
    const auto body = nlohmann::json::parse(ehall::result_response(ok).body());
    BOOST_TEST(body["status"] == "ok");
    BOOST_TEST(body["code"] == "ok");
    BOOST_TEST(body["data"]["balance_fen"] == 5860);
    BOOST_TEST(ehall::result_response(ok).result_int() == 200u);
}

BOOST_AUTO_TEST_CASE(ok_without_data_still_has_an_empty_data_object) {
    check_same_text(ServiceResult::ok());
    const auto body = nlohmann::json::parse(ehall::result_response(ServiceResult::ok()).body());
    BOOST_TEST(body["data"].is_object());
}

BOOST_AUTO_TEST_CASE(errors_carry_their_message_and_status) {
    check_same_text(ServiceResult::error("not_found"));
    check_same_text(ServiceResult::error("bad_request", "amount_fen: \"x\"\n is not <an> integer"));
    ServiceResult with_data = ServiceResult::error("declined", "card declined");
    with_data.data = {{"retry", false}};
    check_same_text(with_data);
    const auto refused = ehall::result_response(ServiceResult::error("not_found"));
    BOOST_TEST(refused.result_int() == 404u);
    BOOST_TEST(!nlohmann::json::parse(refused.body()).contains("data"));
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_replaced_not_thrown) {
    check_same_text(ServiceResult::error("bad_request", std::string("bad \xff\xfe byte")));
    ServiceResult ok = ServiceResult::ok({{"name", std::string("\xc3")}});
    check_same_text(ok);
}

BOOST_AUTO_TEST_SUITE_END()
