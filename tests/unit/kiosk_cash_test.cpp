// Kiosk cash in the store (channels/kiosk/cash_intakes.hpp, cash_payments.hpp): one intake per
// terminal until it is paid, what a payment's outcome does to the cash held, and the cash
// box figures (channels/kiosk/cash_box.hpp).
#include <boost/test/unit_test.hpp>

#include "channels/kiosk/cash_box.hpp"
#include "channels/kiosk/cash_intakes.hpp"
#include "channels/kiosk/cash_payments.hpp"
#include "tests/support/kiosk_store_fixture.hpp"

using namespace ehall;
using ehall::test::KioskStoreFixture;

namespace {

constexpr CashCaps caps{.per_transaction_fen = 20000, .daily_fen = 30000};
constexpr std::int64_t t0 = 1796572800000;  // 2026-12-07 00:00 Asia/Shanghai

struct CashFixture : KioskStoreFixture {
    CashIntakes intakes{store, caps};
    CashPayments payments{store, caps};

    std::int64_t expected_fen() {
        std::int64_t fen = 0;
        store.read([&](Transaction& tx) { fen = expected_cash_fen(tx, terminal_id); });
        return fen;
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(kiosk_cash_store, CashFixture)

BOOST_AUTO_TEST_CASE(an_intake_holding_cash_stays_until_it_is_paid) {
    auto empty = intakes.open(terminal_id, "13800138000", t0);
    BOOST_TEST(!empty.held);
    auto replaced = intakes.open(terminal_id, "13900139000", t0 + 1);  // nobody put cash in
    BOOST_TEST(!replaced.held);
    BOOST_TEST(!intakes.find(terminal_id, empty.intake.id));
    BOOST_TEST(intakes.report_note(terminal_id, "1", 5000, t0 + 2).result.is_ok());

    auto held = intakes.open(terminal_id, "13800138000", t0 + 3);
    BOOST_TEST(held.held);
    BOOST_TEST(held.intake.id == replaced.intake.id);
    BOOST_TEST(held.intake.msisdn == "13900139000");
    BOOST_TEST(held.intake.total_fen == 5000);

    auto closed = intakes.close(terminal_id, held.intake.id);
    BOOST_REQUIRE(closed);
    BOOST_TEST(closed->state == "paying");
    BOOST_TEST(intakes.report_note(terminal_id, "2", 1000, t0 + 4).result.code == "not_found");
    BOOST_TEST(!intakes.close("OTHER", held.intake.id));
}

BOOST_AUTO_TEST_CASE(a_refused_payment_releases_its_cash_and_a_timeout_keeps_it) {
    BOOST_TEST(!payments.reserve(terminal_id, "T-1", "13800138000", 20000, t0));
    payments.settle(terminal_id, "T-1", "13800138000", 20000,
                    ServiceResult::error("plugin_disabled"), t0);
    BOOST_TEST(!payments.reserve(terminal_id, "T-2", "13800138000", 20000, t0));
    payments.settle(terminal_id, "T-2", "13800138000", 20000, ServiceResult::error("timeout"), t0);
    // T-2 may have gone through: it still counts against the day.
    auto over = payments.reserve(terminal_id, "T-3", "13800138000", 20000, t0);
    BOOST_REQUIRE(over);
    BOOST_TEST(over->code == "limit_exceeded");
    BOOST_TEST(!payments.reserve(terminal_id, "T-2", "13800138000", 20000, t0));  // its retry
    payments.settle(terminal_id, "T-2", "13800138000", 20000, ServiceResult::ok({}), t0 + 5);
    BOOST_TEST(expected_fen() == 20000);
    BOOST_TEST(payments.reserve(terminal_id, "T-2", "13900139000", 20000, t0)->code ==
               "bad_request");

    // The next Asia/Shanghai day starts from nothing.
    BOOST_TEST(!payments.reserve(terminal_id, "T-4", "13800138000", 20000, t0 + 86400000));
}

BOOST_AUTO_TEST_CASE(a_refused_intake_payment_takes_notes_again) {
    auto opened = intakes.open(terminal_id, "13800138000", t0);
    intakes.report_note(terminal_id, "1", 10000, t0);
    auto closed = intakes.close(terminal_id, opened.intake.id);
    BOOST_TEST(!payments.reserve(terminal_id, closed->id, closed->msisdn, 10000, t0));
    payments.settle(terminal_id, closed->id, closed->msisdn, 10000,
                    ServiceResult::error("rate_limited"), t0);
    BOOST_TEST(intakes.find(terminal_id, opened.intake.id)->state == "open");
    BOOST_TEST(intakes.report_note(terminal_id, "2", 500, t0).result.data["total_fen"] == 10500);
    // A payment must be for all the notes, and then the intake is paid for good.
    BOOST_TEST(payments.reserve(terminal_id, opened.intake.id, "13800138000", 10000, t0)->code ==
               "bad_request");
    BOOST_TEST(!payments.reserve(terminal_id, opened.intake.id, "13800138000", 10500, t0));
    payments.settle(terminal_id, opened.intake.id, "13800138000", 10500, ServiceResult::ok({}), t0);
    BOOST_TEST(intakes.find(terminal_id, opened.intake.id)->state == "paid");
    BOOST_TEST(expected_fen() == 10500);  // counted by the notes, not twice
}

BOOST_AUTO_TEST_CASE(the_box_figures_start_again_after_a_collection) {
    intakes.open(terminal_id, "13800138000", t0);
    intakes.report_note(terminal_id, "1", 2000, t0);
    CashBoxFigures figures;
    const nlohmann::json device = {{"cash_box_fen", 1500}};
    store.read([&](Transaction& tx) { figures = cash_box_figures(tx, terminal_id, device); });
    BOOST_TEST(figures.expected_fen == 2000);
    BOOST_TEST(figures.difference_fen().value_or(0) == -500);
    BOOST_TEST(figures.to_json()["collected_at"] == "");
    store.read([&](Transaction& tx) {
        figures = cash_box_figures(tx, terminal_id, nlohmann::json::object());
    });
    BOOST_TEST(!figures.difference_fen());
    BOOST_TEST(figures.to_json()["difference_fen"].is_null());

    execute(
        "INSERT INTO kiosk_cash_collections (terminal_id, ts_ms, counted_fen, expected_fen, actor) "
        "VALUES (?, ?, 1500, 2000, 'ops')",
        {terminal_id, t0 + 1});
    BOOST_TEST(expected_fen() == 0);
    intakes.report_note(terminal_id, "2", 100, t0 + 2);
    BOOST_TEST(expected_fen() == 100);
}

BOOST_AUTO_TEST_SUITE_END()
