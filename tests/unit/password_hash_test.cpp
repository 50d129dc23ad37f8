#include <boost/test/unit_test.hpp>

#include <string>

#include "gateway/base/password_hash.hpp"

BOOST_AUTO_TEST_SUITE(password_hash)

BOOST_AUTO_TEST_CASE(verifies_the_right_password_only) {
    const std::string hash = ehall::hash_password("135790");
    BOOST_TEST(hash.rfind("$argon2id$", 0) == 0);
    BOOST_TEST(ehall::verify_password(hash, "135790"));
    BOOST_TEST(!ehall::verify_password(hash, "135791"));
    BOOST_TEST(!ehall::verify_password(hash, ""));
}

BOOST_AUTO_TEST_CASE(salts_each_hash) {
    BOOST_TEST(ehall::hash_password("246802") != ehall::hash_password("246802"));
}

BOOST_AUTO_TEST_CASE(rejects_malformed_hashes) {
    BOOST_TEST(!ehall::verify_password("", "135790"));
    BOOST_TEST(!ehall::verify_password("garbage", "135790"));
    BOOST_TEST(!ehall::verify_password("$argon2id$v=19$m=65536,t=2,p=1$xx$yy", "135790"));
    BOOST_TEST(!ehall::verify_password(std::string(500, 'a'), "135790"));
    const std::string hash = ehall::hash_password("135790");
    BOOST_TEST(!ehall::verify_password(hash.substr(0, hash.size() - 4), "135790"));
    BOOST_TEST(!ehall::verify_password(std::string("x\0y", 3), "135790"));
}

BOOST_AUTO_TEST_SUITE_END()
