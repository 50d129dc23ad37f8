// The SMS hall's state in a real SQLite store: the two-step confirmation state machine,
// MO deduplication by Kannel message id, and the TD opt-out flag.
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <filesystem>
#include <random>
#include <thread>
#include <vector>

#include <boost/asio/thread_pool.hpp>
#include <future>

#include <ehall/clock.hpp>
#include "channels/sms/first_reply_wait.hpp"
#include "channels/sms/marketing_opt_out.hpp"
#include "channels/sms/mo_ledger.hpp"
#include "channels/sms/pending_confirmations.hpp"
#include "gateway/store/core_schema.hpp"
#include "gateway/store/migrations.hpp"
#include "tests/support/test_database.hpp"

using namespace ehall;
using namespace ehall::sms;
using namespace std::chrono_literals;

namespace {

struct SmsStoreFixture {
    std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                ("ehall-sms-test-" + std::to_string(std::random_device{}()) + "-" +
                                 std::to_string(now_ms()));
    std::unique_ptr<ehall::HostStore> opened = ehall::test::open_test_store(dir / "ehall.db");
    ehall::HostStore& store = *opened;
    PendingConfirmations pending{store, 300s};
    const std::string msisdn = "13800138000";
    const nlohmann::json pay = {{"amount_fen", 5000}, {"method", "card"}};
    const std::int64_t t0 = 1'700'000'000'000;

    SmsStoreFixture() { apply_migrations(store, "core", core_migrations()); }
    ~SmsStoreFixture() {
        std::error_code ignored;
        std::filesystem::remove_all(dir, ignored);
    }
    std::int64_t pending_rows() {
        std::int64_t n = 0;
        store.read([&](Transaction& tx) {
            n = tx.query("SELECT count(*) AS n FROM sms_pending").front().integer("n");
        });
        return n;
    }
};

using Status = PendingConfirmations::Status;

}  // namespace

BOOST_FIXTURE_TEST_SUITE(sms_store, SmsStoreFixture)

BOOST_AUTO_TEST_CASE(y_takes_the_pending_request_once) {
    auto proposed = pending.propose(msisdn, "billing", "pay", pay, t0);
    BOOST_TEST(proposed.expires_ms == t0 + 300'000);
    BOOST_TEST(proposed.idempotency_key() == "sms:13800138000:" + std::to_string(t0));

    auto taken = pending.take(msisdn, t0 + 1000);
    BOOST_TEST((taken.status == Status::taken));
    BOOST_REQUIRE(taken.request.has_value());
    BOOST_TEST(taken.request->plugin == "billing");
    BOOST_TEST(taken.request->operation == "pay");
    BOOST_TEST(taken.request->params == pay);
    BOOST_TEST(taken.request->idempotency_key() == proposed.idempotency_key());

    // A second Y finds nothing: it cannot pay twice.
    auto again = pending.take(msisdn, t0 + 2000);
    BOOST_TEST((again.status == Status::none));
    BOOST_TEST(!again.request.has_value());
}

BOOST_AUTO_TEST_CASE(n_cancels_and_then_there_is_nothing_to_confirm) {
    pending.propose(msisdn, "billing", "pay", pay, t0);
    BOOST_TEST((pending.cancel(msisdn, t0 + 1) == Status::taken));
    BOOST_TEST((pending.take(msisdn, t0 + 2).status == Status::none));
    BOOST_TEST((pending.cancel(msisdn, t0 + 3) == Status::none));
}

BOOST_AUTO_TEST_CASE(an_expired_request_is_reported_once_and_removed) {
    pending.propose(msisdn, "billing", "pay", pay, t0);
    auto late = pending.take(msisdn, t0 + 300'000);  // exactly at expiry: too late
    BOOST_TEST((late.status == Status::expired));
    BOOST_TEST(!late.request.has_value());
    BOOST_TEST(pending_rows() == 0);
    BOOST_TEST((pending.take(msisdn, t0 + 300'001).status == Status::none));

    pending.propose(msisdn, "billing", "pay", pay, t0);
    BOOST_TEST((pending.cancel(msisdn, t0 + 400'000) == Status::expired));
}

BOOST_AUTO_TEST_CASE(a_new_request_replaces_the_pending_one) {
    pending.propose(msisdn, "billing", "pay", pay, t0);
    auto second = pending.propose(msisdn, "points", "redeem", {{"item", "HF10"}}, t0 + 10);
    BOOST_TEST(pending_rows() == 1);
    auto taken = pending.take(msisdn, t0 + 20);
    BOOST_REQUIRE(taken.request.has_value());
    BOOST_TEST(taken.request->operation == "redeem");
    BOOST_TEST(taken.request->params["item"] == "HF10");
    BOOST_TEST(taken.request->idempotency_key() == second.idempotency_key());
    // The replacement restarts the clock.
    pending.propose(msisdn, "billing", "pay", pay, t0);
    pending.propose(msisdn, "billing", "pay", pay, t0 + 200'000);
    BOOST_TEST((pending.take(msisdn, t0 + 400'000).status == Status::taken));
}

BOOST_AUTO_TEST_CASE(a_replacement_in_the_same_millisecond_gets_its_own_key) {
    auto first = pending.propose(msisdn, "billing", "pay", pay, t0);
    auto second = pending.propose(msisdn, "billing", "pay", {{"amount_fen", 100}}, t0);
    BOOST_TEST(first.idempotency_key() != second.idempotency_key());
}

BOOST_AUTO_TEST_CASE(pending_requests_are_per_number) {
    pending.propose(msisdn, "billing", "pay", pay, t0);
    BOOST_TEST((pending.take("13900139000", t0 + 1).status == Status::none));
    BOOST_TEST((pending.take(msisdn, t0 + 1).status == Status::taken));
}

BOOST_AUTO_TEST_CASE(concurrent_ys_take_it_once) {
    pending.propose(msisdn, "billing", "pay", pay, t0);
    std::atomic<int> taken{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 8; ++i) {
        threads.emplace_back([&] {
            if (pending.take(msisdn, t0 + 5).status == Status::taken)
                ++taken;
        });
    }
    for (auto& thread : threads)
        thread.join();
    BOOST_TEST(taken.load() == 1);
}

BOOST_AUTO_TEST_CASE(a_repeated_message_id_gets_the_first_reply) {
    MoLedger ledger(store);
    using Claim = MoLedger::Claim;
    auto first = ledger.claim(msisdn, "kannel-id-1", t0);
    BOOST_TEST((first.claim == Claim::fresh));
    // While the first copy runs, a duplicate is told to wait.
    auto during = ledger.claim(msisdn, "kannel-id-1", t0 + 5);
    BOOST_TEST((during.claim == Claim::in_progress));
    BOOST_TEST(!ledger.reply(msisdn, "kannel-id-1").has_value());

    ledger.answer(msisdn, "kannel-id-1", "您的话费余额为58.60元。", t0 + 10);
    auto retry = ledger.claim(msisdn, "kannel-id-1", t0 + 20);
    BOOST_TEST((retry.claim == Claim::answered));
    BOOST_TEST(retry.reply == "您的话费余额为58.60元。");
    BOOST_TEST(ledger.reply(msisdn, "kannel-id-1").value_or("") == "您的话费余额为58.60元。");

    // Ids are per sender; an empty reply (silence) is a reply too.
    BOOST_TEST((ledger.claim("13900139000", "kannel-id-1", t0).claim == Claim::fresh));
    ledger.answer("13900139000", "kannel-id-1", "", t0 + 1);
    auto silent = ledger.claim("13900139000", "kannel-id-1", t0 + 2);
    BOOST_TEST((silent.claim == Claim::answered));
    BOOST_TEST(silent.reply.empty());
}

BOOST_AUTO_TEST_CASE(concurrent_duplicates_are_claimed_once) {
    MoLedger ledger(store);
    std::atomic<int> fresh{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 8; ++i) {
        threads.emplace_back([&] {
            if (ledger.claim(msisdn, "same-id", t0).claim == MoLedger::Claim::fresh)
                ++fresh;
        });
    }
    for (auto& thread : threads)
        thread.join();
    BOOST_TEST(fresh.load() == 1);
}

BOOST_AUTO_TEST_CASE(a_duplicate_waits_for_the_first_reply_or_gives_up) {
    MoLedger ledger(store);
    boost::asio::thread_pool pool(2);
    ledger.claim(msisdn, "slow-id", t0);
    std::promise<std::optional<std::string>> answered;
    await_first_reply(
        ledger, pool.get_executor(), msisdn, "slow-id", std::chrono::steady_clock::now() + 10s,
        [&](std::optional<std::string> reply) { answered.set_value(std::move(reply)); }, 5ms);
    ledger.answer(msisdn, "slow-id", "交费成功", t0 + 1);
    auto first = answered.get_future();
    BOOST_REQUIRE((first.wait_for(10s) == std::future_status::ready));
    BOOST_TEST(first.get().value_or("") == "交费成功");

    ledger.claim(msisdn, "stuck-id", t0);
    std::promise<std::optional<std::string>> gave_up;
    await_first_reply(
        ledger, pool.get_executor(), msisdn, "stuck-id", std::chrono::steady_clock::now() + 30ms,
        [&](std::optional<std::string> reply) { gave_up.set_value(std::move(reply)); }, 5ms);
    auto none = gave_up.get_future();
    BOOST_REQUIRE((none.wait_for(10s) == std::future_status::ready));
    BOOST_TEST(!none.get().has_value());
    pool.join();
}

BOOST_AUTO_TEST_CASE(a_stale_claim_is_taken_over_and_long_ids_are_hashed) {
    MoLedger ledger(store, std::chrono::minutes(2));
    ledger.claim(msisdn, "crashed", t0);
    BOOST_TEST(
        (ledger.claim(msisdn, "crashed", t0 + 60'000).claim == MoLedger::Claim::in_progress));
    BOOST_TEST((ledger.claim(msisdn, "crashed", t0 + 121'000).claim == MoLedger::Claim::fresh));

    const std::string long_id(500, 'x');
    ledger.claim(msisdn, long_id, t0);
    ledger.answer(msisdn, long_id, "ok", t0);
    BOOST_TEST(ledger.reply(msisdn, long_id).value_or("") == "ok");
    store.read([&](Transaction& tx) {
        auto rows = tx.query("SELECT max(length(message_id)) AS n FROM sms_mo");
        BOOST_TEST(rows.front().integer("n") <= 71);
    });
}

BOOST_AUTO_TEST_CASE(td_and_kt_set_and_clear_the_opt_out) {
    MarketingOptOut opt_out(store);
    BOOST_TEST(!opt_out.opted_out(msisdn));
    opt_out.opt_out(msisdn, t0);
    opt_out.opt_out(msisdn, t0 + 1);  // twice is fine
    BOOST_TEST(opt_out.opted_out(msisdn));
    BOOST_TEST(!opt_out.opted_out("13900139000"));
    opt_out.opt_in(msisdn);
    BOOST_TEST(!opt_out.opted_out(msisdn));
}

BOOST_AUTO_TEST_SUITE_END()
