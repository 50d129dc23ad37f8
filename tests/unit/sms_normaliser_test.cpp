// The SMS command normaliser of DESIGN §7, table-driven.
#include <boost/test/unit_test.hpp>

#include "channels/sms/command_normaliser.hpp"

using ehall::sms::normalise_command;

BOOST_AUTO_TEST_SUITE(sms_normaliser)

BOOST_AUTO_TEST_CASE(normalises_the_ways_customers_type_commands) {
    struct Case {
        const char* input;
        const char* expected;
    };
    const Case cases[] = {
        {"YE", "YE"},
        {"ye", "YE"},
        {"Ye", "YE"},
        {"ＹＥ", "YE"},                                  // full-width letters
        {"ｙｅ", "YE"},                                  // full-width lower case
        {"余额", "余额"},                                // Chinese aliases stay Chinese
        {"  ye  ", "YE"},                                // trimmed
        {"QQB　TJ　13912345678", "QQB TJ 13912345678"},  // ideographic spaces
        {"ＱＱＢ　ＴＪ　１３９１２３４５６７８", "QQB TJ 13912345678"},
        {"ＪＦ５０", "JF50"},                              // full-width digits
        {"ＪＦ　５０．５", "JF 50.5"},                     // full-width full stop
        {"JF  \t 50", "JF 50"},                            // runs of spaces and tabs
        {"qqb\u00a0kt", "QQB KT"},                         // no-break space
        {"qqb\u2003kt", "QQB KT"},                         // em space
        {"\ufeffYE\u200b", "YE"},                          // byte-order mark, zero-width space
        {"余额。", "余额"},                                // Chinese full stop
        {"QQB，TJ，13912345678", "QQB TJ 13912345678"},    // full-width commas
        {"【余额】", "余额"},                              // brackets
        {"QQB、TJ：13912345678！", "QQB TJ 13912345678"},  // enumeration comma, colon
        {"（DH）", "DH"},                                  // full-width parentheses
        {"“YE”", "YE"},                                    // curly quotes
        {"？", "?"},                                       // full-width question mark: help
        {"?", "?"},
        {"充值1000000000000000001", "充值1000000000000000001"},
        {"dh hf10", "DH HF10"},
        {"", ""},
        {"　 \t", ""},
    };
    for (const auto& c : cases) {
        BOOST_TEST(normalise_command(c.input) == c.expected, "input '" << c.input << "'");
    }
}

BOOST_AUTO_TEST_CASE(keeps_only_ascii_of_text_that_is_not_utf8) {
    BOOST_TEST(normalise_command("y\xff"
                                 "e") == "YE");
}

BOOST_AUTO_TEST_SUITE_END()
