// SMS length rules: GSM-7 detection, segment counts, cutting to three segments.
#include <boost/test/unit_test.hpp>

#include <string>

#include "channels/sms/sms_length.hpp"
#include "channels/sms/sms_text_codec.hpp"

using namespace ehall::sms;

namespace {

std::string repeat(const std::string& text, std::size_t times) {
    std::string out;
    for (std::size_t i = 0; i < times; ++i)
        out += text;
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sms_length)

BOOST_AUTO_TEST_CASE(detects_the_gsm7_alphabet) {
    BOOST_TEST(is_gsm7("Balance 58.60 yuan, reply JF 50 to pay!"));
    BOOST_TEST(is_gsm7("@£$¥èé_ÄÖÑÜ§¿äöñüà"));
    BOOST_TEST(is_gsm7("{braces} [brackets] ~ ^ | \\ €"));  // extension characters
    BOOST_TEST(is_gsm7(""));
    BOOST_TEST(!is_gsm7("余额58.60元"));
    BOOST_TEST(!is_gsm7("back`tick"));
    BOOST_TEST(!is_gsm7("…"));
}

BOOST_AUTO_TEST_CASE(counts_units_and_segments) {
    BOOST_TEST(sms_units("YE 58.60") == 8u);
    BOOST_TEST(sms_units("{}") == 4u);  // escaped: two septets each
    BOOST_TEST(sms_units("余额") == 2u);
    BOOST_TEST(sms_units("😀") == 2u);  // a surrogate pair in UCS-2
    BOOST_TEST(segments_needed(repeat("a", 160)) == 1u);
    BOOST_TEST(segments_needed(repeat("a", 161)) == 2u);
    BOOST_TEST(segments_needed(repeat("余", 70)) == 1u);
    BOOST_TEST(segments_needed(repeat("余", 71)) == 2u);
    BOOST_TEST(segments_needed(repeat("余", 210)) == 3u);
    BOOST_TEST(segments_needed(repeat("a", 159) + "余") == 3u);  // one Chinese character: UCS-2
}

BOOST_AUTO_TEST_CASE(leaves_replies_that_fit) {
    BOOST_TEST(fit_segments(repeat("余", 210)) == repeat("余", 210));
    BOOST_TEST(fit_segments(repeat("a", 480)) == repeat("a", 480));
    BOOST_TEST(fit_segments("") == "");
}

BOOST_AUTO_TEST_CASE(cuts_ucs2_replies_at_a_character_with_an_ellipsis) {
    const std::string cut = fit_segments(repeat("余额", 200));
    BOOST_TEST(sms_units(cut) == 210u);
    BOOST_TEST(cut == repeat("余额", 104) + "余…");
    BOOST_TEST(utf8_code_points(cut).has_value());  // never half a character
    BOOST_TEST(segments_needed(cut) == 3u);
    BOOST_TEST(fit_segments(repeat("余", 100), 1) == repeat("余", 69) + "…");
}

BOOST_AUTO_TEST_CASE(never_splits_a_surrogate_pair) {
    const std::string cut = fit_segments(repeat("😀", 200));
    BOOST_TEST(cut == repeat("😀", 104) + "…");  // 208 units + 1, the next pair would not fit
    BOOST_TEST(sms_units(cut) == 209u);
}

BOOST_AUTO_TEST_CASE(cuts_gsm7_replies_and_stays_gsm7) {
    const std::string cut = fit_segments(repeat("abc ", 200));
    BOOST_TEST(sms_units(cut) == 480u);
    BOOST_TEST(is_gsm7(cut));
    BOOST_TEST(cut.ends_with("..."));
    const std::string escaped = fit_segments(repeat("{", 300));  // two septets each
    BOOST_TEST(escaped == repeat("{", 238) + "...");
}

BOOST_AUTO_TEST_SUITE_END()
