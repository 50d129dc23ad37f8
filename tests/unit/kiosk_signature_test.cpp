// The kiosk request signature (channels/kiosk/kiosk_signature.hpp) against a real store:
// good, bad, expired, future, replayed, unknown and disabled terminals, key rotation.
#include <boost/test/unit_test.hpp>

#include "channels/kiosk/kiosk_signature.hpp"
#include "tests/support/kiosk_store_fixture.hpp"

using namespace ehall;
using ehall::test::KioskStoreFixture;

namespace {

constexpr std::int64_t now = 1'780'000'000'000;  // ms; a fixed clock for the window checks
const std::string body = R"({"printer_paper":"ok","cash_box":"ok","version":"1.0"})";

struct SignatureFixture : KioskStoreFixture {
    KioskSignatureCheck check{store, std::chrono::seconds(300)};

    // A request signed with `key` at `unix_seconds`.
    KioskSignedRequest signed_with(const std::string& key, std::int64_t unix_seconds,
                                   const std::string& nonce = "nonce-0001",
                                   const std::string& terminal = terminal_id) {
        KioskSignedRequest request{.terminal_id = terminal,
                                   .timestamp = std::to_string(unix_seconds),
                                   .nonce = nonce,
                                   .signature = "",
                                   .method = "POST",
                                   .path = "/kiosk/v1/heartbeat",
                                   .body = body};
        request.signature = hmac_sha256_hex(
            key, kiosk_string_to_sign(request.method, request.path, request.timestamp,
                                      request.nonce, request.body));
        return request;
    }
    KioskSignedRequest good(const std::string& nonce = "nonce-0001") {
        return signed_with(terminal_key, now / 1000, nonce);
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(kiosk_signature)

BOOST_AUTO_TEST_CASE(hmac_matches_rfc_4231) {
    BOOST_TEST(hmac_sha256_hex("Jefe", "what do ya want for nothing?") ==
               "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

BOOST_AUTO_TEST_CASE(string_to_sign_is_the_contract) {
    BOOST_TEST(kiosk_string_to_sign("POST", "/kiosk/v1/identify", "1780000000", "abcdefgh", "") ==
               "POST\n/kiosk/v1/identify\n1780000000\nabcdefgh\n"
               "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

BOOST_FIXTURE_TEST_CASE(accepts_a_good_signature, SignatureFixture) {
    auto verdict = check.verify(good(), now);
    BOOST_TEST(verdict.accepted(), verdict.problem);
    BOOST_REQUIRE(verdict.terminal);
    BOOST_TEST(verdict.terminal->hall == "HALL-1");
    // Upper-case hex is the same signature.
    auto upper = good("nonce-0002");
    for (char& c : upper.signature)
        c = static_cast<char>(std::toupper(c));
    BOOST_TEST(check.verify(upper, now).accepted());
}

BOOST_FIXTURE_TEST_CASE(refuses_a_bad_signature, SignatureFixture) {
    auto wrong_key = signed_with("another-key", now / 1000);
    BOOST_TEST(check.verify(wrong_key, now).problem == "bad signature");
    auto tampered = good();
    const std::string other_body = R"({"printer_paper":"out","cash_box":"ok","version":"1.0"})";
    tampered.body = other_body;
    BOOST_TEST(check.verify(tampered, now).problem == "bad signature");
    auto other_path = good();
    other_path.path = "/kiosk/v1/identify";
    BOOST_TEST(check.verify(other_path, now).problem == "bad signature");
    // A refused request spends no nonce: the genuine one still goes through.
    BOOST_TEST(check.verify(good(), now).accepted());
}

BOOST_FIXTURE_TEST_CASE(refuses_expired_and_future_timestamps, SignatureFixture) {
    BOOST_TEST(
        check.verify(signed_with(terminal_key, now / 1000 - 300, "edge-past"), now).accepted());
    BOOST_TEST(
        check.verify(signed_with(terminal_key, now / 1000 + 300, "edge-future"), now).accepted());
    auto expired = check.verify(signed_with(terminal_key, now / 1000 - 301, "too-old-1"), now);
    BOOST_TEST(expired.problem == "X-Timestamp outside the allowed window");
    BOOST_TEST(expired.terminal.has_value());  // known, so the journal names it
    auto future = check.verify(signed_with(terminal_key, now / 1000 + 301, "too-new-1"), now);
    BOOST_TEST(future.problem == "X-Timestamp outside the allowed window");
}

BOOST_FIXTURE_TEST_CASE(refuses_a_replayed_nonce_across_instances, SignatureFixture) {
    BOOST_TEST(check.verify(good("replay-me"), now).accepted());
    BOOST_TEST(check.verify(good("replay-me"), now + 1000).problem == "X-Nonce already used");
    // Another gateway instance on the same store remembers it too.
    KioskSignatureCheck other_instance(store, std::chrono::seconds(300));
    BOOST_TEST(other_instance.verify(good("replay-me"), now + 2000).problem ==
               "X-Nonce already used");
    // Nonces are per terminal.
    execute("INSERT INTO terminals (id, hall, key) VALUES ('KIOSK-T2', 'HALL-1', 'k2')");
    BOOST_TEST(
        check.verify(signed_with("k2", now / 1000, "replay-me", "KIOSK-T2"), now).accepted());
}

BOOST_FIXTURE_TEST_CASE(forgets_nonces_that_left_the_window, SignatureFixture) {
    BOOST_TEST(check.verify(good("old-nonce"), now).accepted());
    BOOST_TEST(query("SELECT count(*) AS n FROM kiosk_nonces").front().integer("n") == 1);
    const std::int64_t later = now + 301'000;
    BOOST_TEST(
        check.verify(signed_with(terminal_key, later / 1000, "new-nonce"), later).accepted());
    auto left = query("SELECT nonce FROM kiosk_nonces");
    BOOST_REQUIRE(left.size() == 1u);
    BOOST_TEST(left.front().text("nonce") == "new-nonce");
}

BOOST_FIXTURE_TEST_CASE(refuses_unknown_and_disabled_terminals, SignatureFixture) {
    auto unknown =
        check.verify(signed_with(terminal_key, now / 1000, "nonce-0001", "KIOSK-X"), now);
    BOOST_TEST(unknown.problem == "unknown terminal");
    BOOST_TEST(!unknown.terminal.has_value());
    execute("UPDATE terminals SET status = 'disabled' WHERE id = ?", {terminal_id});
    auto disabled = check.verify(good(), now);
    BOOST_TEST(disabled.problem == "terminal disabled");
    BOOST_TEST(disabled.terminal.has_value());
}

BOOST_FIXTURE_TEST_CASE(refuses_malformed_headers, SignatureFixture) {
    auto no_terminal = good();
    no_terminal.terminal_id.clear();
    BOOST_TEST(check.verify(no_terminal, now).problem == "missing X-Terminal-Id");
    auto short_nonce = good("short");
    BOOST_TEST(check.verify(short_nonce, now).problem.starts_with("X-Nonce must be"));
    auto bad_nonce = good("nonce with spaces");
    BOOST_TEST(check.verify(bad_nonce, now).problem.starts_with("X-Nonce must be"));
    auto bad_time = good();
    bad_time.timestamp = "17e8";
    BOOST_TEST(check.verify(bad_time, now).problem == "X-Timestamp must be unix seconds");
    auto bad_signature = good();
    bad_signature.signature = "zz";
    BOOST_TEST(check.verify(bad_signature, now).problem.starts_with("X-Signature must be"));
}

BOOST_FIXTURE_TEST_CASE(rotation_refuses_the_old_key, SignatureFixture) {
    TerminalRegistry registry(store);
    auto rotated = registry.rotate_key(terminal_id, "admin-token:test");
    BOOST_REQUIRE(rotated);
    BOOST_TEST(rotated->key != terminal_key);
    BOOST_TEST(rotated->key.size() == 64u);
    BOOST_TEST(check.verify(good("after-rotation-1"), now).problem == "bad signature");
    BOOST_TEST(
        check.verify(signed_with(rotated->key, now / 1000, "after-rotation-2"), now).accepted());
    // The audit says a rotation happened, and never holds a key.
    auto audit = query("SELECT action, before_json, after_json FROM ops_audit");
    BOOST_REQUIRE(audit.size() == 1u);
    BOOST_TEST(audit.front().text("action") == "terminal.rotate_key");
    for (const char* column : {"before_json", "after_json"}) {
        BOOST_TEST(audit.front().text(column).find(rotated->key) == std::string::npos);
        BOOST_TEST(audit.front().text(column).find(terminal_key) == std::string::npos);
    }
}

BOOST_AUTO_TEST_SUITE_END()
