// One-time login codes: the code store (hashing, expiry, single use, tries, rations) and
// the web hall's code login over a real SQLite store (the SMS it queues, no texts to
// strangers, the shared lockout).
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <random>
#include <regex>

#include <ehall/clock.hpp>
#include "channels/sms/login_code_texts.hpp"
#include "channels/sms/outbox/sms_outbox.hpp"
#include "channels/sms/sms_length.hpp"
#include "channels/sms/sms_templates.hpp"
#include "gateway/identity/code_login.hpp"
#include "gateway/identity/login_codes.hpp"
#include "gateway/store/core_schema.hpp"
#include "gateway/store/migrations.hpp"
#include "tests/support/test_database.hpp"

namespace {

using ehall::LoginCodes;
using Check = ehall::LoginCodes::Check;

constexpr std::int64_t t0 = 1'800'000'000'000;
constexpr std::int64_t minute = 60'000;
const std::string customer = "13800138000";
const std::string stranger = "13900000000";

struct CodeStore {
    std::filesystem::path dir =
        std::filesystem::temp_directory_path() /
        ("ehall-login-codes-test-" + std::to_string(std::random_device{}()) + "-" +
         std::to_string(ehall::now_ms()));
    std::unique_ptr<ehall::HostStore> store;
    LoginCodes codes;

    CodeStore() {
        store = ehall::test::open_test_store(dir / "ehall.db");
        ehall::apply_migrations(*store, "core", ehall::core_migrations());
        ehall::apply_migrations(*store, "login_codes", ehall::login_code_migrations());
        store->write([](ehall::Transaction& tx) {
            tx.execute(
                "INSERT INTO customers (msisdn, name, brand, home_area, join_date) "
                "VALUES (?, '张三', '神州行', '010', '2020-01-01')",
                {customer});
        });
    }
    ~CodeStore() {
        store.reset();
        std::error_code ignored;
        std::filesystem::remove_all(dir, ignored);
    }

    // A new code stored for `msisdn`, or nothing when its rations are used up.
    std::optional<std::string> issue(const std::string& msisdn, std::int64_t now) {
        const std::string code = LoginCodes::new_code();
        bool issued = false;
        store->write([&](ehall::Transaction& tx) { issued = codes.issue(tx, msisdn, code, now); });
        return issued ? std::optional(code) : std::nullopt;
    }
    Check check(const std::string& msisdn, const std::string& code, std::int64_t now) {
        Check result = Check::expired;
        store->write([&](ehall::Transaction& tx) { result = codes.check(tx, msisdn, code, now); });
        return result;
    }
    // A 6-digit code that is not `code`.
    static std::string other_than(const std::string& code) {
        return code == "000000" ? "000001" : "000000";
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(login_codes)

BOOST_FIXTURE_TEST_CASE(a_code_is_six_digits_stored_only_hashed, CodeStore) {
    auto code = issue(customer, t0);
    BOOST_REQUIRE(code);
    BOOST_TEST(std::regex_match(*code, std::regex("[0-9]{6}")));
    store->read([&](ehall::Transaction& tx) {
        auto rows = tx.query("SELECT * FROM login_codes");
        BOOST_REQUIRE(rows.size() == 1u);
        for (const char* column : {"salt", "code_hash"})
            BOOST_TEST(rows.front().text(column).find(*code) == std::string::npos, column);
        BOOST_TEST(rows.front().text("code_hash").size() == 64u);
    });
}

BOOST_FIXTURE_TEST_CASE(a_code_works_once, CodeStore) {
    auto code = issue(customer, t0);
    BOOST_REQUIRE(code);
    BOOST_TEST((check(customer, *code, t0 + minute) == Check::ok));
    BOOST_TEST((check(customer, *code, t0 + minute) == Check::expired));
}

BOOST_FIXTURE_TEST_CASE(a_code_expires_after_five_minutes, CodeStore) {
    auto code = issue(customer, t0);
    BOOST_REQUIRE(code);
    BOOST_TEST((check(customer, *code, t0 + 5 * minute) == Check::expired));
    auto fresh = issue(customer, t0 + 6 * minute);
    BOOST_REQUIRE(fresh);
    BOOST_TEST((check(customer, *fresh, t0 + 11 * minute - 1) == Check::ok));
}

BOOST_FIXTURE_TEST_CASE(five_wrong_tries_kill_a_code, CodeStore) {
    auto code = issue(customer, t0);
    BOOST_REQUIRE(code);
    for (int i = 0; i < 5; ++i)
        BOOST_TEST((check(customer, other_than(*code), t0 + 1) == Check::wrong), "try " << i);
    BOOST_TEST((check(customer, *code, t0 + 2) == Check::expired));
}

BOOST_FIXTURE_TEST_CASE(a_code_is_for_its_number_only, CodeStore) {
    auto code = issue(customer, t0);
    BOOST_REQUIRE(code);
    BOOST_TEST((check(stranger, *code, t0 + 1) == Check::expired));
    BOOST_TEST((check(customer, *code, t0 + 1) == Check::ok));
}

BOOST_FIXTURE_TEST_CASE(a_new_code_retires_the_old_one, CodeStore) {
    auto first = issue(customer, t0);
    auto second = issue(customer, t0 + minute);
    BOOST_REQUIRE(first);
    BOOST_REQUIRE(second);
    if (*first != *second)
        BOOST_TEST((check(customer, *first, t0 + minute + 1) == Check::wrong));
    BOOST_TEST((check(customer, *second, t0 + minute + 2) == Check::ok));
}

BOOST_FIXTURE_TEST_CASE(one_code_a_minute_five_an_hour, CodeStore) {
    BOOST_TEST(issue(customer, t0).has_value());
    BOOST_TEST(!issue(customer, t0 + minute - 1).has_value());
    for (int i = 1; i < 5; ++i)
        BOOST_TEST(issue(customer, t0 + i * minute).has_value(), "code " << i);
    BOOST_TEST(!issue(customer, t0 + 30 * minute).has_value());
    // Rations are per number.
    BOOST_TEST(issue(stranger, t0 + 30 * minute).has_value());
    // An hour after the first code, one more is allowed.
    BOOST_TEST(issue(customer, t0 + 60 * minute + 1).has_value());
}

BOOST_AUTO_TEST_SUITE_END()

namespace {

struct CodeLoginStore : CodeStore {
    ehall::sms::SmsOutbox outbox{*store};
    ehall::sms::SmsTemplates templates{
        std::filesystem::path(EHALL_SOURCE_DIR) / "templates" / "sms", {"login_code"}};
    ehall::sms::LoginCodeTexts texts{outbox, templates};
    ehall::CodeLogin login{*store, texts, 5, std::chrono::minutes(15)};

    // The code in the newest text queued for `msisdn`, if any.
    std::optional<std::string> texted_code(const std::string& msisdn) {
        for (const auto& message : outbox.list("", 10)) {
            std::smatch match;
            if (message.msisdn == msisdn &&
                std::regex_search(message.text, match, std::regex("验证码为([0-9]{6})")))
                return match[1].str();
        }
        return std::nullopt;
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(code_login)

BOOST_FIXTURE_TEST_CASE(a_customer_gets_a_one_segment_text, CodeLoginStore) {
    BOOST_TEST(login.send(customer, "192.0.2.1") == "ok");
    auto listed = outbox.list("", 10);
    BOOST_REQUIRE(listed.size() == 1u);
    BOOST_TEST(listed.front().msisdn == customer);
    BOOST_TEST(listed.front().text.starts_with("【中国移动】"), listed.front().text);
    BOOST_TEST(listed.front().text.find("5分钟内有效") != std::string::npos);
    BOOST_TEST(ehall::sms::segments_needed(listed.front().text) == 1u);
    auto code = texted_code(customer);
    BOOST_REQUIRE(code);
    BOOST_TEST(login.verify(customer, *code) == "ok");
    BOOST_TEST(login.verify(customer, *code) == "code_expired");
}

BOOST_FIXTURE_TEST_CASE(a_stranger_gets_the_same_answer_and_no_text, CodeLoginStore) {
    BOOST_TEST(login.send(stranger, "192.0.2.1") == "ok");
    BOOST_TEST(outbox.list("", 10).empty());
    BOOST_TEST(login.send(stranger, "192.0.2.1") == "rate_limited");
    BOOST_TEST(login.send(customer, "192.0.2.1") == "ok");
    BOOST_TEST(login.send(customer, "192.0.2.1") == "rate_limited");
    BOOST_TEST(outbox.list("", 10).size() == 1u);  // the refused code's text was rolled back
    BOOST_TEST(login.send("12345", "192.0.2.1") == "bad_request");
}

BOOST_FIXTURE_TEST_CASE(an_address_is_rationed_across_numbers, CodeLoginStore) {
    for (int i = 0; i < 10; ++i)
        BOOST_TEST(login.send("1390000000" + std::to_string(i), "192.0.2.7") == "ok");
    BOOST_TEST(login.send("13911111111", "192.0.2.7") == "rate_limited");
    BOOST_TEST(login.send("13911111111", "192.0.2.8") == "ok");
}

BOOST_FIXTURE_TEST_CASE(wrong_codes_count_towards_the_shared_lockout, CodeLoginStore) {
    BOOST_TEST(login.send(customer, "192.0.2.1") == "ok");
    auto code = texted_code(customer);
    BOOST_REQUIRE(code);
    for (int i = 0; i < 4; ++i)
        BOOST_TEST(login.verify(customer, CodeStore::other_than(*code)) == "code_invalid");
    BOOST_TEST(login.verify(customer, CodeStore::other_than(*code)) == "locked");
    BOOST_TEST(login.verify(customer, *code) == "locked");
    // The lockout is the password login's too.
    ehall::SignInGate gate({});
    ehall::CustomerLogin passwords(*store, 5, std::chrono::minutes(15), gate);
    BOOST_TEST(passwords.verify(customer, "135790") == "locked");
}

BOOST_FIXTURE_TEST_CASE(a_stranger_cannot_log_in_with_a_guessed_code, CodeLoginStore) {
    BOOST_TEST(login.send(stranger, "192.0.2.1") == "ok");
    BOOST_TEST(login.verify(stranger, "123456") == "code_invalid");
    BOOST_TEST(login.verify(stranger, "12345") == "bad_request");
    BOOST_TEST(login.verify("13700000000", "123456") == "code_expired");
}

BOOST_AUTO_TEST_SUITE_END()
