// The SMS push outbox: the retry schedule, Kannel's delivery report values, the queue's
// states in a real SQLite store (also across a restart), the background sender, and the
// sendsms request the outbox makes.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <random>
#include <set>
#include <thread>
#include <vector>

#include <ehall/clock.hpp>
#include "channels/sms/outbox/delivery_report.hpp"
#include "channels/sms/outbox/kannel_sendsms.hpp"
#include "channels/sms/outbox/outbox_retry.hpp"
#include "channels/sms/outbox/outbox_sender.hpp"
#include "channels/sms/outbox/sms_outbox.hpp"
#include "gateway/store/core_schema.hpp"
#include "gateway/store/migrations.hpp"
#include "tests/support/test_database.hpp"

namespace {

using namespace std::chrono_literals;
using ehall::sms::OutboxMessage;
using ehall::sms::OutboxStatus;
using ehall::sms::SmsOutbox;

constexpr std::int64_t t0 = 1'800'000'000'000;

struct OutboxStore {
    std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                ("ehall-sms-outbox-test-" + std::to_string(std::random_device{}()) +
                                 "-" + std::to_string(ehall::now_ms()));
    ehall::test::TestDatabase database = ehall::test::test_database(dir / "ehall.db");
    std::unique_ptr<ehall::HostStore> store = open();

    ~OutboxStore() {
        store.reset();
        std::error_code ignored;
        std::filesystem::remove_all(dir, ignored);
    }

    std::unique_ptr<ehall::HostStore> open() {
        auto opened = database.open();
        ehall::apply_migrations(*opened, "core", ehall::core_migrations());
        return opened;
    }
    // Closes the database and opens it again, as a restarted gateway does.
    void restart() {
        store.reset();
        store = open();
    }
};

template <class Predicate>
bool eventually(Predicate predicate, std::chrono::milliseconds within = 5s) {
    const auto deadline = std::chrono::steady_clock::now() + within;
    while (std::chrono::steady_clock::now() < deadline) {
        if (predicate())
            return true;
        std::this_thread::sleep_for(5ms);
    }
    return predicate();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sms_outbox)

BOOST_AUTO_TEST_CASE(retries_after_one_second_doubling_to_five_minutes) {
    ehall::sms::OutboxRetry retry;
    const std::vector<std::pair<unsigned, std::chrono::milliseconds>> schedule = {
        {1, 1s},  {2, 2s},   {3, 4s},   {4, 8s},    {5, 16s},   {6, 32s},
        {7, 64s}, {8, 128s}, {9, 256s}, {10, 300s}, {11, 300s}, {19, 300s}};
    for (const auto& [attempts, delay] : schedule)
        BOOST_TEST(retry.delay_after(attempts).count() == delay.count(), "after " << attempts);
    BOOST_TEST(!retry.exhausted(19));
    BOOST_TEST(retry.exhausted(20));
}

BOOST_AUTO_TEST_CASE(maps_kannel_delivery_report_values) {
    using ehall::sms::decode_delivery_report;
    const std::vector<std::pair<int, OutboxStatus>> table = {{1, OutboxStatus::delivered},
                                                             {2, OutboxStatus::failed},
                                                             {4, OutboxStatus::sent},
                                                             {8, OutboxStatus::sent},
                                                             {16, OutboxStatus::failed}};
    for (const auto& [value, status] : table) {
        auto report = decode_delivery_report(value);
        BOOST_TEST_REQUIRE(report.has_value(), "value " << value);
        BOOST_TEST(to_string(report->status) == to_string(status), "value " << value);
    }
    for (int value : {0, 3, 9, 31, 32, -1})
        BOOST_TEST(!decode_delivery_report(value), "value " << value);

    using ehall::sms::advances;
    BOOST_TEST(advances(OutboxStatus::queued, OutboxStatus::sent));
    BOOST_TEST(advances(OutboxStatus::queued, OutboxStatus::delivered));
    BOOST_TEST(advances(OutboxStatus::sent, OutboxStatus::delivered));
    BOOST_TEST(advances(OutboxStatus::sent, OutboxStatus::failed));
    BOOST_TEST(!advances(OutboxStatus::sent, OutboxStatus::sent));
    BOOST_TEST(!advances(OutboxStatus::delivered, OutboxStatus::sent));
    BOOST_TEST(!advances(OutboxStatus::delivered, OutboxStatus::failed));
    BOOST_TEST(!advances(OutboxStatus::failed, OutboxStatus::delivered));
}

BOOST_FIXTURE_TEST_CASE(enqueues_valid_pushes_and_refuses_the_rest, OutboxStore) {
    SmsOutbox outbox(*store);
    const auto id = outbox.enqueue("13800138000", "您的验证码 123456", t0);
    auto message = outbox.find(id);
    BOOST_TEST_REQUIRE(message.has_value());
    BOOST_TEST(message->msisdn == "13800138000");
    BOOST_TEST(message->text == "您的验证码 123456");
    BOOST_TEST(to_string(message->status) == "queued");
    BOOST_TEST(message->attempts == 0u);
    BOOST_TEST(message->next_attempt_ms == t0);
    BOOST_TEST(message->created_ms == t0);

    BOOST_CHECK_THROW(outbox.enqueue("8613800138000", "hi", t0), std::invalid_argument);
    BOOST_CHECK_THROW(outbox.enqueue("1380013800", "hi", t0), std::invalid_argument);
    BOOST_CHECK_THROW(outbox.enqueue("13800138000", "  ", t0), std::invalid_argument);
    BOOST_CHECK_THROW(outbox.enqueue("13800138000", "\xff\xfe", t0), std::invalid_argument);
    std::string four_segments;
    for (int i = 0; i < 3 * 70 + 1; ++i)
        four_segments += "优";
    BOOST_CHECK_THROW(outbox.enqueue("13800138000", four_segments, t0), std::invalid_argument);
    BOOST_TEST(outbox.list("", 10).size() == 1u);
}

BOOST_FIXTURE_TEST_CASE(a_claimed_push_is_left_alone_until_its_lease_ends, OutboxStore) {
    SmsOutbox outbox(*store);
    const auto first = outbox.enqueue("13800138000", "first", t0);
    const auto second = outbox.enqueue("13900139000", "second", t0 + 1);
    BOOST_TEST(!outbox.claim_next(t0 - 1, 60s), "nothing is due before it was queued");

    auto claimed = outbox.claim_next(t0 + 10, 60s);
    BOOST_TEST_REQUIRE(claimed.has_value());
    BOOST_TEST(claimed->id == first);
    claimed = outbox.claim_next(t0 + 10, 60s);
    BOOST_TEST_REQUIRE(claimed.has_value());
    BOOST_TEST(claimed->id == second);
    BOOST_TEST(!outbox.claim_next(t0 + 20, 60s));
    // The sender that claimed it died: after the lease the push is due again.
    claimed = outbox.claim_next(t0 + 10 + 60'000, 60s);
    BOOST_TEST_REQUIRE(claimed.has_value());
    BOOST_TEST(claimed->id == first);
}

// Two gateway instances on one database (DESIGN §9): each push goes to exactly one sender.
BOOST_FIXTURE_TEST_CASE(two_instances_claim_each_push_once, OutboxStore) {
    auto other_store = database.open();
    SmsOutbox here(*store);
    SmsOutbox there(*other_store);
    constexpr int pushes = 60;
    for (int i = 0; i < pushes; ++i)
        here.enqueue("13800138000", "push " + std::to_string(i), t0);
    std::vector<std::int64_t> claimed_here;
    std::vector<std::int64_t> claimed_there;
    auto drain = [](SmsOutbox& outbox, std::vector<std::int64_t>& claimed) {
        while (auto message = outbox.claim_next(t0 + 10, 60s))
            claimed.push_back(message->id);
    };
    std::thread other([&] { drain(there, claimed_there); });
    drain(here, claimed_here);
    other.join();
    std::set<std::int64_t> all(claimed_here.begin(), claimed_here.end());
    all.insert(claimed_there.begin(), claimed_there.end());
    BOOST_TEST(claimed_here.size() + claimed_there.size() == static_cast<std::size_t>(pushes));
    BOOST_TEST(all.size() == static_cast<std::size_t>(pushes));
}

BOOST_FIXTURE_TEST_CASE(failed_attempts_back_off_and_finally_give_up, OutboxStore) {
    SmsOutbox outbox(*store, {.first_delay = 1s, .longest_delay = 300s, .max_attempts = 4});
    const auto id = outbox.enqueue("13800138000", "offer", t0);
    std::int64_t now = t0;
    for (unsigned attempt = 1; attempt <= 3; ++attempt) {
        BOOST_TEST_REQUIRE(outbox.claim_next(now, 60s).has_value());
        BOOST_TEST(to_string(outbox.mark_attempt_failed(id, "cannot reach Kannel", now)) ==
                   "queued");
        auto message = outbox.find(id);
        BOOST_TEST(message->attempts == attempt);
        BOOST_TEST(message->last_error == "cannot reach Kannel");
        BOOST_TEST(message->next_attempt_ms == now + (1000 << (attempt - 1)));
        BOOST_TEST(!outbox.claim_next(message->next_attempt_ms - 1, 60s), "not due yet");
        BOOST_TEST(outbox.next_due_ms().value_or(0) == message->next_attempt_ms);
        now = message->next_attempt_ms;
    }
    BOOST_TEST_REQUIRE(outbox.claim_next(now, 60s).has_value());
    BOOST_TEST(to_string(outbox.mark_attempt_failed(id, "Kannel answered 503", now)) == "failed");
    BOOST_TEST(to_string(outbox.find(id)->status) == "failed");
    BOOST_TEST(outbox.find(id)->attempts == 4u);
    BOOST_TEST(!outbox.claim_next(now + 3'600'000, 60s));
    BOOST_TEST(!outbox.next_due_ms());
}

BOOST_FIXTURE_TEST_CASE(delivery_reports_move_a_push_forward_only, OutboxStore) {
    SmsOutbox outbox(*store);
    const auto id = outbox.enqueue("13800138000", "offer", t0);
    BOOST_TEST_REQUIRE(outbox.claim_next(t0, 60s).has_value());
    outbox.mark_sent(id, "0: Accepted for delivery", t0 + 5);
    auto message = outbox.find(id);
    BOOST_TEST(to_string(message->status) == "sent");
    BOOST_TEST(message->attempts == 1u);
    BOOST_TEST(message->kannel_reference == "0: Accepted for delivery");

    using Outcome = SmsOutbox::ReportOutcome;
    BOOST_TEST((outbox.apply_delivery_report(id, 8, t0 + 6) == Outcome::unchanged));
    BOOST_TEST((outbox.apply_delivery_report(id, 1, t0 + 7) == Outcome::updated));
    BOOST_TEST(to_string(outbox.find(id)->status) == "delivered");
    BOOST_TEST(outbox.find(id)->updated_ms == t0 + 7);
    // Reports may arrive out of order: a late "submitted" or "buffered" changes nothing.
    BOOST_TEST((outbox.apply_delivery_report(id, 8, t0 + 8) == Outcome::unchanged));
    BOOST_TEST((outbox.apply_delivery_report(id, 4, t0 + 8) == Outcome::unchanged));
    BOOST_TEST(to_string(outbox.find(id)->status) == "delivered");
    BOOST_TEST((outbox.apply_delivery_report(id + 100, 1, t0) == Outcome::unknown_id));
    BOOST_CHECK_THROW(outbox.apply_delivery_report(id, 3, t0), std::invalid_argument);

    const auto rejected = outbox.enqueue("13800138000", "offer 2", t0);
    outbox.mark_sent(rejected, "Sent.", t0);
    BOOST_TEST((outbox.apply_delivery_report(rejected, 16, t0 + 1) == Outcome::updated));
    BOOST_TEST(to_string(outbox.find(rejected)->status) == "failed");
    BOOST_TEST(outbox.find(rejected)->last_error == "delivery report 16: rejected by the SMSC");
}

BOOST_FIXTURE_TEST_CASE(a_report_before_kannels_answer_is_not_undone, OutboxStore) {
    SmsOutbox outbox(*store);
    const auto id = outbox.enqueue("13800138000", "code 4711", t0);
    BOOST_TEST_REQUIRE(outbox.claim_next(t0, 60s).has_value());
    // Kannel reports delivery while the sender still waits for its HTTP answer.
    outbox.apply_delivery_report(id, 1, t0 + 1);
    outbox.mark_sent(id, "0: Accepted for delivery", t0 + 2);
    BOOST_TEST(to_string(outbox.find(id)->status) == "delivered");
    BOOST_TEST(to_string(outbox.mark_attempt_failed(id, "late timeout", t0 + 3)) == "delivered");
    BOOST_TEST(to_string(outbox.find(id)->status) == "delivered");
}

BOOST_FIXTURE_TEST_CASE(queued_pushes_survive_a_restart, OutboxStore) {
    std::int64_t pending = 0;
    {
        SmsOutbox outbox(*store);
        pending = outbox.enqueue("13800138000", "优惠：12593 长途", t0);
        const auto done = outbox.enqueue("13900139000", "done", t0);
        outbox.claim_next(t0, 60s);  // `pending` is older: claimed first, then lost
        BOOST_TEST_REQUIRE(outbox.claim_next(t0, 60s).has_value());
        outbox.mark_sent(done, "Sent.", t0);
        // `pending`'s attempt failed before the gateway stopped.
        outbox.mark_attempt_failed(pending, "cannot reach Kannel", t0 + 1);
    }
    restart();

    SmsOutbox outbox(*store);
    auto message = outbox.find(pending);
    BOOST_TEST_REQUIRE(message.has_value());
    BOOST_TEST(to_string(message->status) == "queued");
    BOOST_TEST(message->attempts == 1u);
    auto claimed = outbox.claim_next(message->next_attempt_ms, 60s);
    BOOST_TEST_REQUIRE(claimed.has_value());
    BOOST_TEST(claimed->id == pending);
    BOOST_TEST(claimed->text == "优惠：12593 长途");
    BOOST_TEST(!outbox.claim_next(message->next_attempt_ms, 60s), "the sent one stays sent");
}

BOOST_FIXTURE_TEST_CASE(the_sender_retries_until_kannel_accepts, OutboxStore) {
    SmsOutbox outbox(*store, {.first_delay = 10ms, .longest_delay = 40ms, .max_attempts = 10});
    const auto queued_before_start =
        outbox.enqueue("13800138000", "left from before", ehall::now_ms());

    std::mutex mutex;
    std::vector<std::int64_t> calls;
    std::atomic<bool> kannel_up = false;
    ehall::sms::OutboxSender sender(
        outbox,
        [&](const OutboxMessage& message) {
            std::lock_guard lock(mutex);
            calls.push_back(message.id);
            if (!kannel_up)
                return ehall::sms::KannelSendsms::Answer{false, "cannot reach Kannel"};
            return ehall::sms::KannelSendsms::Answer{true, "0: Accepted for delivery"};
        },
        {.poll_interval = 50ms, .lease = 1s});
    sender.start();
    BOOST_TEST(eventually([&] { return outbox.find(queued_before_start)->attempts >= 3; }));
    BOOST_TEST(to_string(outbox.find(queued_before_start)->status) == "queued");

    kannel_up = true;
    const auto fresh = outbox.enqueue("13900139000", "new push", ehall::now_ms());
    BOOST_TEST(eventually([&] {
        return outbox.find(queued_before_start)->status == OutboxStatus::sent &&
               outbox.find(fresh)->status == OutboxStatus::sent;
    }));
    sender.stop();
    auto message = outbox.find(queued_before_start);
    BOOST_TEST(message->kannel_reference == "0: Accepted for delivery");
    BOOST_TEST(message->last_error.empty());
    std::lock_guard lock(mutex);
    BOOST_TEST(std::count(calls.begin(), calls.end(), fresh) == 1);
}

BOOST_AUTO_TEST_CASE(builds_the_sendsms_request) {
    ehall::Config config;
    config.sms.sendsms_url = "http://127.0.0.1:13013/cgi-bin/sendsms";
    config.sms.sendsms_user = "ehall";
    config.sms.sendsms_password = "p@ss word";
    config.sms.dlr_url = "http://127.0.0.1:8080/sms/dlr?secret=0123456789abcdef";
    ehall::sms::KannelSendsms kannel(config.sms);
    OutboxMessage message{.id = 42, .msisdn = "13800138000", .text = "余额 1+1"};
    BOOST_TEST(kannel.endpoint() == "127.0.0.1:13013");
    BOOST_TEST(kannel.dlr_url(message) ==
               "http://127.0.0.1:8080/sms/dlr?secret=0123456789abcdef&id=42&status=%d");
    BOOST_TEST(kannel.request_target(message) ==
               "/cgi-bin/sendsms?username=ehall&password=p%40ss%20word&from=10086"
               "&to=13800138000&text=%E4%BD%99%E9%A2%9D%201%2B1&charset=UTF-8&coding=2"
               "&dlr-mask=31&dlr-url=http%3A%2F%2F127.0.0.1%3A8080%2Fsms%2Fdlr%3Fsecret%3D"
               "0123456789abcdef%26id%3D42%26status%3D%25d");

    // GSM-7 text goes as coding 0; without a dlr_url no report is asked for; the URL may
    // carry its own parameters (e.g. Kannel's smsc).
    config.sms.dlr_url.clear();
    config.sms.sendsms_url = "http://kannel.example:13013/cgi-bin/sendsms?smsc=cmpp";
    ehall::sms::KannelSendsms plain(config.sms);
    message.text = "Code 4711";
    BOOST_TEST(plain.request_target(message) ==
               "/cgi-bin/sendsms?smsc=cmpp&username=ehall&password=p%40ss%20word&from=10086"
               "&to=13800138000&text=Code%204711&charset=UTF-8&coding=0");
}

BOOST_AUTO_TEST_CASE(refuses_unusable_sendsms_settings) {
    ehall::Config config;
    config.sms.sendsms_user = "ehall";
    for (std::string url : {"https://kannel:13013/cgi-bin/sendsms", "kannel:13013", "http://"}) {
        config.sms.sendsms_url = url;
        BOOST_CHECK_THROW(ehall::sms::KannelSendsms{config.sms}, ehall::ConfigError);
    }
    config.sms.sendsms_url = "http://127.0.0.1:13013/cgi-bin/sendsms";
    config.sms.sendsms_user.clear();
    BOOST_CHECK_THROW(ehall::sms::KannelSendsms{config.sms}, ehall::ConfigError);
}

BOOST_AUTO_TEST_CASE(an_unreachable_kannel_is_a_failed_attempt_not_an_exception) {
    ehall::Config config;
    config.sms.sendsms_url = "http://127.0.0.1:1/cgi-bin/sendsms";
    config.sms.sendsms_user = "ehall";
    ehall::sms::KannelSendsms kannel(config.sms, 2s);
    auto answer = kannel.send({.id = 1, .msisdn = "13800138000", .text = "hi"});
    BOOST_TEST(!answer.accepted);
    BOOST_TEST(answer.detail.find("cannot reach Kannel") != std::string::npos, answer.detail);
}

BOOST_AUTO_TEST_SUITE_END()
