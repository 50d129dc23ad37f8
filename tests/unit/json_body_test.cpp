// Request bodies as every route reads them: nesting bounded while parsing, fields read in
// place.
#include <boost/test/unit_test.hpp>

#include "gateway/http/json_body.hpp"

using namespace ehall;

namespace {

std::string nested_arrays(std::size_t levels) {
    return std::string(levels, '[') + "1" + std::string(levels, ']');
}

}  // namespace

BOOST_AUTO_TEST_SUITE(json_body)

BOOST_AUTO_TEST_CASE(nesting_up_to_the_limit_is_accepted) {
    auto parsed = parse_bounded_json(nested_arrays(max_json_depth));
    BOOST_REQUIRE(parsed);
    const nlohmann::json* inner = &*parsed;
    for (std::size_t i = 0; i < max_json_depth; ++i)
        inner = &inner->at(0);
    BOOST_TEST(*inner == 1);
}

BOOST_AUTO_TEST_CASE(one_level_more_is_refused_whatever_the_shape) {
    BOOST_TEST(!parse_bounded_json(nested_arrays(max_json_depth + 1)));
    std::string objects;
    for (std::size_t i = 0; i <= max_json_depth; ++i)
        objects += "{\"a\":";
    objects += "1" + std::string(max_json_depth + 1, '}');
    BOOST_TEST(!parse_bounded_json(objects));
    BOOST_TEST(!parse_bounded_json("{\"ok\":1,\"deep\":" + nested_arrays(max_json_depth) + "}"));
}

BOOST_AUTO_TEST_CASE(a_nesting_bomb_is_refused_without_exhausting_the_stack) {
    BOOST_TEST(!parse_bounded_json("{\"msisdn\":" + nested_arrays(500000) + "}"));
    BOOST_TEST(!parse_bounded_json(std::string(900000, '[')));  // unterminated as well
}

BOOST_AUTO_TEST_CASE(anything_after_a_nul_byte_is_not_ignored) {
    BOOST_TEST(!parse_bounded_json(std::string("{\"a\":1}\0{", 9)));
    BOOST_TEST(!parse_bounded_json(std::string("1\0", 2)));
}

BOOST_AUTO_TEST_CASE(members_are_read_in_place) {
    const nlohmann::json body = {{"msisdn", "13800138000"}, {"n", 5}, {"deep", {{"x", 1}}}};
    BOOST_TEST(json_member(body, "deep") == &body.at("deep"));
    BOOST_TEST(json_member(body, "missing") == nullptr);
    BOOST_TEST(json_member(nlohmann::json::array({1}), "0") == nullptr);
    BOOST_REQUIRE(json_string_member(body, "msisdn"));
    BOOST_TEST(*json_string_member(body, "msisdn") == "13800138000");
    BOOST_TEST(json_string_member(body, "n") == nullptr);
}

BOOST_AUTO_TEST_SUITE_END()
