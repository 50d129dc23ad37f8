// Reading an MO as Kannel sends it: form decoding, MSISDN prefixes, UCS-2 / UTF-8 text.
#include <boost/test/unit_test.hpp>

#include "channels/sms/mo_message.hpp"
#include "channels/sms/sms_api.hpp"
#include "channels/sms/sms_text_codec.hpp"

using namespace ehall;
using namespace ehall::sms;

namespace {

std::string bytes(std::initializer_list<int> values) {
    std::string out;
    for (int value : values)
        out.push_back(static_cast<char>(value));
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sms_mo_message)

BOOST_AUTO_TEST_CASE(decodes_utf16be_including_surrogate_pairs) {
    BOOST_TEST(*utf16be_to_utf8(bytes({0x00, 0x59, 0x00, 0x45})) == "YE");
    BOOST_TEST(*utf16be_to_utf8(bytes({0x4F, 0x59, 0x98, 0x9D})) == "余额");
    BOOST_TEST(*utf16be_to_utf8(bytes({0xFE, 0xFF, 0x4F, 0x59})) == "余");  // BOM dropped
    BOOST_TEST(*utf16be_to_utf8(bytes({0xD8, 0x3D, 0xDE, 0x00, 0x00, 0x59})) == "😀Y");
    BOOST_TEST(*utf16be_to_utf8(bytes({0xD8, 0x40, 0xDC, 0x00})) == "\U00020000");  // 𠀀
    BOOST_TEST(*utf16be_to_utf8("") == "");
    BOOST_TEST(!utf16be_to_utf8(bytes({0x4F, 0x59, 0x98})));        // odd length
    BOOST_TEST(!utf16be_to_utf8(bytes({0xD8, 0x3D, 0x00, 0x59})));  // lone high
    BOOST_TEST(!utf16be_to_utf8(bytes({0xDE, 0x00, 0x00, 0x59})));  // lone low
    BOOST_TEST(!utf16be_to_utf8(bytes({0x00, 0x59, 0xD8, 0x3D})));  // high at the end
}

BOOST_AUTO_TEST_CASE(checks_utf8_strictly) {
    BOOST_TEST(utf8_code_points("余额 YE 😀").has_value());
    BOOST_TEST(!utf8_code_points("\xC0\xAF"));          // overlong '/'
    BOOST_TEST(!utf8_code_points("\xED\xA0\x80"));      // surrogate
    BOOST_TEST(!utf8_code_points("\xE4\xBD"));          // truncated
    BOOST_TEST(!utf8_code_points("\xF4\x90\x80\x80"));  // past U+10FFFF
    BOOST_TEST(!utf8_code_points("\xFF"));
    BOOST_TEST(to_utf8(U"余额😀") == "余额😀");
}

BOOST_AUTO_TEST_CASE(chooses_the_encoding_from_charset_then_coding) {
    const std::string ucs2 = bytes({0x4F, 0x59, 0x98, 0x9D});
    BOOST_TEST(*decode_text(ucs2, "2", "") == "余额");
    BOOST_TEST(*decode_text(ucs2, "", "UTF-16BE") == "余额");
    BOOST_TEST(*decode_text(ucs2, "", "ucs-2") == "余额");
    BOOST_TEST(*decode_text("余额", "2", "UTF-8") == "余额");  // an explicit charset wins
    BOOST_TEST(*decode_text("余额", "0", "") == "余额");
    BOOST_TEST(*decode_text("\xE9t\xE9", "0", "ISO-8859-1") == "été");
    BOOST_TEST(!decode_text("\xE9t\xE9", "0", ""));  // not UTF-8: refused, not garbled
    BOOST_TEST(!decode_text(bytes({0x4F}), "2", ""));
}

BOOST_AUTO_TEST_CASE(normalises_the_sender) {
    struct Case {
        const char* from;
        const char* expected;  // "" when refused
    };
    const Case cases[] = {
        {"13800138000", "13800138000"},
        {"+8613800138000", "13800138000"},
        {"8613800138000", "13800138000"},
        {"008613800138000", "13800138000"},
        {" 8613800138000", "13800138000"},  // '+' decoded as a space
        {"10086", ""},
        {"", ""},
        {"+8612345678901", ""},
        {"1380013800a", ""},
        {"+86 13800138000", ""},
        {"0013800138000", ""},
    };
    for (const auto& c : cases) {
        auto msisdn = normalise_msisdn(c.from);
        BOOST_TEST(msisdn.value_or("") == c.expected, "from '" << c.from << "'");
    }
}

BOOST_AUTO_TEST_CASE(reads_form_fields_with_raw_bytes) {
    FormFields fields;
    parse_form("from=%2B8613800138000&to=10086&text=%4F%59%98%9D&coding=2&id=abc&empty=&flag",
               fields);
    BOOST_TEST(fields["text"] == bytes({0x4F, 0x59, 0x98, 0x9D}));
    auto mo = mo_message(fields, std::nullopt);
    BOOST_TEST(mo.from.value_or("") == "13800138000");
    BOOST_TEST(mo.to == "10086");
    BOOST_TEST(mo.text.value_or("") == "余额");
    BOOST_TEST(mo.id == "abc");
    BOOST_TEST(fields.count("flag") == 1u);

    FormFields nul;
    parse_form("text=%00%59%00%45&coding=2&text2=a+b%zz", nul);
    BOOST_TEST(nul["text"].size() == 4u);  // NUL bytes survive
    BOOST_TEST(nul["text2"] == "a b%zz");  // a broken escape is kept as typed
    BOOST_TEST(mo_message(nul, std::nullopt).text.value_or("") == "YE");
}

BOOST_AUTO_TEST_CASE(takes_a_post_body_as_the_text_when_there_is_no_text_field) {
    FormFields fields = {{"from", "13800138000"}};
    BOOST_TEST(mo_message(fields, std::string_view("YE")).text.value_or("") == "YE");
    fields["text"] = "ZD";
    BOOST_TEST(mo_message(fields, std::string_view("YE")).text.value_or("") == "ZD");
    fields["text"] = "\xFF";
    BOOST_TEST(!mo_message(fields, std::nullopt).text);
}

BOOST_AUTO_TEST_CASE(lets_in_allowed_sources_or_the_secret_holder) {
    ehall::Config::Sms config;
    config.allowed_sources = {"127.0.0.1", "::1"};
    BOOST_TEST(mo_caller_allowed(config, "127.0.0.1", ""));
    BOOST_TEST(mo_caller_allowed(config, "::ffff:127.0.0.1", ""));
    BOOST_TEST(mo_caller_allowed(config, "::1", ""));
    BOOST_TEST(!mo_caller_allowed(config, "10.0.0.7", ""));
    BOOST_TEST(!mo_caller_allowed(config, "10.0.0.7", "anything"));  // no secret configured
    config.shared_secret = "kannel-secret-0123456789";
    BOOST_TEST(mo_caller_allowed(config, "10.0.0.7", "kannel-secret-0123456789"));
    BOOST_TEST(!mo_caller_allowed(config, "10.0.0.7", "kannel-secret-012345678"));
    BOOST_TEST(!mo_caller_allowed(config, "10.0.0.7", ""));
}

BOOST_AUTO_TEST_CASE(tells_kannel_to_send_non_gsm7_replies_as_ucs2) {
    auto chinese = sms_reply("您的话费余额为58.60元。");
    BOOST_TEST(chinese.result_int() == 200);
    BOOST_TEST(std::string(chinese[boost::beast::http::field::content_type]) ==
               "text/plain; charset=utf-8");
    BOOST_TEST(std::string(chinese["X-Kannel-Coding"]) == "2");
    BOOST_TEST(chinese.body() == "您的话费余额为58.60元。");
    BOOST_TEST(sms_reply("Balance 58.60").count("X-Kannel-Coding") == 0u);
    BOOST_TEST(sms_reply("").count("X-Kannel-Coding") == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
