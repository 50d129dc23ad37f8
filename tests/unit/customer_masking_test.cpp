// What a kiosk shows of a customer: 张三 -> 张*, 138****8000.
#include <boost/test/unit_test.hpp>

#include <ehall/masking.hpp>

using ehall::mask_msisdn;
using ehall::mask_name;

BOOST_AUTO_TEST_SUITE(kiosk_masking)

BOOST_AUTO_TEST_CASE(names_keep_the_first_character) {
    BOOST_TEST(mask_name("张三") == "张*");
    BOOST_TEST(mask_name("李四") == "李*");
    BOOST_TEST(mask_name("欧阳娜娜") == "欧***");
    BOOST_TEST(mask_name("Alice") == "A****");
    BOOST_TEST(mask_name("王") == "王*");    // never the whole name
    BOOST_TEST(mask_name("𠀋一") == "𠀋*");  // a four-byte character stays whole
    BOOST_TEST(mask_name("") == "");
}

BOOST_AUTO_TEST_CASE(numbers_keep_three_and_four_digits) {
    BOOST_TEST(mask_msisdn("13800138000") == "138****8000");
    BOOST_TEST(mask_msisdn("13900139000") == "139****9000");
    BOOST_TEST(mask_msisdn("075512345678") == "075*****5678");
    BOOST_TEST(mask_msisdn("12345") == "*****");
    BOOST_TEST(mask_msisdn("") == "");
}

BOOST_AUTO_TEST_SUITE_END()
