// Terminals in the store (channels/kiosk/terminal_registry.hpp) and kiosk receipts.
#include <boost/test/unit_test.hpp>

#include "channels/kiosk/kiosk_receipts.hpp"
#include "channels/kiosk/terminal_registry.hpp"
#include "tests/support/kiosk_store_fixture.hpp"

using namespace ehall;
using ehall::test::KioskStoreFixture;

namespace {

std::string audit_text(KioskStoreFixture& f) {
    std::string text;
    for (const auto& row : f.query("SELECT actor, action, target, before_json, after_json FROM "
                                   "ops_audit ORDER BY id")) {
        for (const char* column : {"actor", "action", "target", "before_json", "after_json"})
            text.append(row.text(column)).append("|");
        text.append("\n");
    }
    return text;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(kiosk_terminals, KioskStoreFixture)

BOOST_AUTO_TEST_CASE(create_gives_a_key_once_and_audits_without_it) {
    TerminalRegistry registry(store);
    auto created = registry.create("KIOSK-9", "HALL-2", "二楼", "admin-token:abcd");
    BOOST_REQUIRE(created);
    BOOST_TEST(created->key.size() == 64u);
    BOOST_TEST(created->active());
    BOOST_TEST(!registry.create("KIOSK-9", "HALL-3", "", "admin-token:abcd"));
    auto audit = audit_text(*this);
    BOOST_TEST(audit.find("terminal.create") != std::string::npos, audit);
    BOOST_TEST(audit.find("HALL-2") != std::string::npos, audit);
    BOOST_TEST(audit.find(created->key) == std::string::npos, audit);
    BOOST_TEST(!valid_terminal_id("has space"));
    BOOST_TEST(!valid_terminal_id(""));
    BOOST_TEST(valid_terminal_id("KIOSK-0001"));
}

BOOST_AUTO_TEST_CASE(disabling_ends_the_terminals_customer_sessions) {
    execute(
        "INSERT INTO sessions (token_hash, msisdn, channel, terminal_id, created_ms, last_seen_ms, "
        "expires_ms, csrf_token) VALUES ('h1', '13800138000', 'kiosk', ?, 0, 0, 9e15, ''), "
        "('h2', '13800138000', 'web', NULL, 0, 0, 9e15, '')",
        {terminal_id});
    TerminalRegistry registry(store);
    auto disabled = registry.set_enabled(terminal_id, false, "admin-token:abcd");
    BOOST_REQUIRE(disabled);
    BOOST_TEST(disabled->status == "disabled");
    BOOST_TEST(query("SELECT token_hash FROM sessions").size() == 1u);
    BOOST_TEST(registry.set_enabled(terminal_id, true, "admin-token:abcd")->active());
    BOOST_TEST(!registry.set_enabled("NO-SUCH", true, "admin-token:abcd"));
    BOOST_TEST(audit_text(*this).find("terminal.disable") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(activation_codes_are_one_time_and_hashed) {
    TerminalRegistry registry(store);
    auto issued =
        registry.issue_activation_code(terminal_id, "admin-token:abcd", std::chrono::hours(24));
    BOOST_REQUIRE(issued);
    BOOST_TEST(issued->code.size() == 8u);
    BOOST_TEST(issued->code.find_first_not_of("0123456789") == std::string::npos);
    auto stored = query("SELECT code_hash FROM kiosk_activation_codes").front().text("code_hash");
    BOOST_TEST(stored.find(issued->code) == std::string::npos);
    BOOST_TEST(audit_text(*this).find(issued->code) == std::string::npos);

    const std::int64_t now = now_ms();
    BOOST_TEST(!registry.redeem_activation_code(terminal_id, "00000000x", now));
    BOOST_TEST(!registry.redeem_activation_code(terminal_id, issued->code, issued->expires_ms));
    BOOST_TEST(registry.redeem_activation_code(terminal_id, issued->code, now));
    BOOST_TEST(!registry.redeem_activation_code(terminal_id, issued->code, now));
    // A new code replaces the old one.
    auto second =
        registry.issue_activation_code(terminal_id, "admin-token:abcd", std::chrono::hours(24));
    BOOST_TEST(registry.redeem_activation_code(terminal_id, second->code, now));
}

BOOST_AUTO_TEST_CASE(heartbeats_record_device_and_time) {
    TerminalRegistry registry(store);
    registry.record_heartbeat(terminal_id, {{"printer_paper", "low"}}, 123456);
    auto row = query("SELECT last_seen_ms, device_json FROM terminals WHERE id = ?", {terminal_id});
    BOOST_TEST(row.front().integer("last_seen_ms") == 123456);
    BOOST_TEST(row.front().text("device_json") == R"({"printer_paper":"low"})");
}

BOOST_AUTO_TEST_CASE(receipts_are_kept_once_per_transaction_and_per_terminal) {
    KioskReceipts receipts(store);
    ReceiptFacts facts{.terminal_id = terminal_id,
                       .hall = "HALL-1",
                       .operation = "billing.pay",
                       .title = "交话费",
                       .msisdn = "13800138000",
                       .code = "ok",
                       .amount_fen = 5000};
    // 2026-04-01 00:30 UTC is 08:30 in Asia/Shanghai.
    const std::int64_t t = 1775003400000;
    auto first = receipts.issue(facts, "13800138000|billing.pay|T-1", t);
    BOOST_TEST(first["hall"] == "HALL-1");
    BOOST_TEST(first["terminal_id"] == terminal_id);
    BOOST_TEST(first["msisdn"] == "138****8000");
    BOOST_TEST(first["amount_fen"] == 5000);
    BOOST_TEST(first["time"] == "2026-04-01 08:30:00");
    const std::string number = first["receipt_no"];
    BOOST_TEST(number.starts_with("K20260401083000"), number);

    BOOST_TEST(receipts.issue(facts, "13800138000|billing.pay|T-1", t + 5000) == first);
    auto other = receipts.issue(facts, "13800138000|billing.pay|T-2", t);
    BOOST_TEST(other["receipt_no"] != number);
    auto untracked = receipts.issue(facts, "", t);
    BOOST_TEST(untracked["receipt_no"] != number);

    auto found = receipts.find(number, terminal_id);
    BOOST_REQUIRE(found);
    BOOST_TEST(*found == first);
    BOOST_TEST(!receipts.find(number, "KIOSK-OTHER"));
    BOOST_TEST(!receipts.find("K-made-up", terminal_id));
    BOOST_TEST(KioskReceipts::unkept(facts, t)["receipt_no"] == "");
}

BOOST_AUTO_TEST_SUITE_END()
