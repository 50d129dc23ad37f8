// The offers plugin with the family plugin answering its dispatches: which offer a placement
// gets (segment, brand, period, status, held products), the contact caps (3 a month across
// channels in Asia/Shanghai months, 3 consecutive months, one per session, TD), the control
// group, and the customer's responses (list, view, accept through dispatch, dismiss).
#include <boost/test/unit_test.hpp>
#include <chrono>

#include "gateway/base/random_token.hpp"
#include "tests/plugin_tests/plugin_harness.hpp"

using ehall::test::PluginHarness;
using Call = PluginHarness::Call;
using namespace std::chrono_literals;

namespace {

constexpr const char* zhang = "13800138000";
constexpr const char* li = "13900139000";

std::chrono::system_clock::time_point utc(int y, unsigned m, unsigned d, int hour, int minute) {
    using namespace std::chrono;
    return sys_days{year{y} / month{m} / day{d}} + hours{hour} + minutes{minute};
}

// The offers plugin with the family plugin behind its dispatches; no control groups unless
// a test sets one.
struct OffersFixture {
    OffersFixture() : offers("offers", nlohmann::json::object(), {"family"}) {
        sql("UPDATE offers SET control_percent = 0");
    }

    void sql(const std::string& statement, const ehall::SqlParams& params = {}) {
        offers.store().write([&](ehall::Transaction& tx) { tx.execute(statement, params); });
    }

    ehall::ServiceResult push(
        const std::string& customer = zhang, const std::string& channel = "web",
        const std::string& session = ehall::random_hex(8),
        std::chrono::system_clock::time_point at = std::chrono::system_clock::now()) {
        return offers.call(Call{.operation = "impression",
                                .params = {{"placement", "web_login"}},
                                .customer = customer,
                                .channel = channel,
                                .session_id = session,
                                .received_at = at});
    }

    std::int64_t contacts(const std::string& kind = "push", const std::string& customer = zhang) {
        return offers.scalar(
            "SELECT count(*) AS value FROM offer_contacts WHERE kind = ? AND msisdn = ?",
            {kind, customer});
    }

    PluginHarness offers;
};

void add_customer(OffersFixture& f, const std::string& msisdn) {
    f.sql(
        "INSERT INTO customers (msisdn, name, brand, home_area, join_date) "
        "VALUES (?, '测试', '神州行', '0755', '2024-01-01')",
        {msisdn});
    f.sql("INSERT INTO accounts (msisdn, balance_fen) VALUES (?, 5000)", {msisdn});
}

// The control bucket as DESIGN'd: SHA-256("offer:msisdn"), first four bytes, mod 100.
int bucket(const std::string& offer, const std::string& msisdn) {
    const std::string hex = ehall::sha256_hex(offer + ":" + msisdn);
    return static_cast<int>(std::stoul(hex.substr(0, 8), nullptr, 16) % 100);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(offers_eligibility)

BOOST_AUTO_TEST_CASE(a_push_shows_the_highest_priority_offer_targeting_the_customer) {
    OffersFixture f;
    auto shown = f.push(zhang);
    BOOST_TEST(shown.code == "ok");
    BOOST_TEST(shown.offer_id == "LD12593");  // segment ld_no_12593, priority 20
    BOOST_TEST(shown.data["content"]["sms_text"].get<std::string>().find("BL LD12593") !=
               std::string::npos);
    auto other = f.push(li);  // no segment tag: only the untargeted family offer
    BOOST_TEST(other.offer_id == "FAMILY3");
    BOOST_TEST(f.contacts("push", zhang) == 1);
    BOOST_TEST(f.offers.scalar("SELECT count(*) AS value FROM offer_contacts WHERE msisdn = ? "
                               "AND offer_id = 'LD12593' AND channel = 'web' "
                               "AND placement = 'web_login'",
                               {zhang}) == 1);
}

BOOST_AUTO_TEST_CASE(brand_period_and_status_decide_which_offers_target_a_customer) {
    OffersFixture f;
    f.sql("UPDATE offers SET brands = '神州行,动感地带' WHERE id = 'LD12593'");
    BOOST_TEST(f.push(zhang).offer_id == "FAMILY3");  // zhang is 全球通
    f.sql("UPDATE offers SET brands = '', ends_on = '2020-12-31' WHERE id = 'LD12593'");
    BOOST_TEST(f.push(zhang).offer_id == "FAMILY3");
    f.sql("UPDATE offers SET ends_on = '2099-12-31', status = 'paused' WHERE id = 'LD12593'");
    BOOST_TEST(f.push(zhang).offer_id == "FAMILY3");
    f.sql("UPDATE offers SET status = 'paused'");
    BOOST_TEST(f.push(zhang).code == "not_found");
}

BOOST_AUTO_TEST_CASE(a_product_the_customer_holds_is_not_offered_asking_its_plugin) {
    OffersFixture f;
    f.sql(
        "INSERT INTO ld_subscriptions (msisdn, product, channel, subscribed_ms) "
        "VALUES (?, '12593', 'web', 0)",
        {zhang});
    f.sql("INSERT INTO family_packages (msisdn, status, opened_ms) VALUES (?, 'active', 0)",
          {zhang});
    BOOST_TEST(f.push(zhang).code == "not_found");
    bool asked_family = false;
    for (const auto& request : f.offers.dispatched())
        asked_family |=
            request.plugin == "family" && request.operation == "show" && request.customer == zhang;
    BOOST_TEST(asked_family);
    BOOST_TEST(f.contacts() == 0);
}

BOOST_AUTO_TEST_CASE(an_sms_footer_only_gets_an_offer_whose_text_fits_the_room_left) {
    OffersFixture f;
    auto call = [&](int room) {
        return f.offers.call(Call{.operation = "impression",
                                  .params = {{"placement", "sms_reply"}, {"max_sms_units", room}},
                                  .channel = "sms"});
    };
    BOOST_TEST(call(5).code == "not_found");
    BOOST_TEST(f.contacts() == 0);
    BOOST_TEST(call(60).offer_id == "LD12593");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(offers_contact_policy)

BOOST_AUTO_TEST_CASE(three_contacts_a_month_across_all_channels) {
    OffersFixture f;
    BOOST_TEST(f.push(zhang, "web").code == "ok");
    BOOST_TEST(f.push(zhang, "kiosk").code == "ok");
    BOOST_TEST(f.push(zhang, "sms", "").code == "ok");
    auto fourth = f.push(zhang, "web");
    BOOST_TEST(fourth.code == "not_found");
    BOOST_TEST(fourth.data.contains("quiet_until_ms"));
    BOOST_TEST(f.contacts() == 3);
    BOOST_TEST(f.push(li, "web").code == "ok");  // another customer's count is their own
}

BOOST_AUTO_TEST_CASE(the_month_is_the_asia_shanghai_calendar_month) {
    OffersFixture f;
    // 2026-11-30 20:00..23:00 in Shanghai: three November contacts.
    for (int hour : {12, 13, 14})
        BOOST_TEST(f.push(zhang, "web", ehall::random_hex(8), utc(2026, 11, 30, hour, 0)).code ==
                   "ok");
    // 23:59 Shanghai is still November: refused, and nothing to ask until December starts
    // in Shanghai (2026-11-30 16:00 UTC), which the gateway's offer slot relies on.
    auto full = f.push(zhang, "web", ehall::random_hex(8), utc(2026, 11, 30, 15, 59));
    BOOST_TEST(full.code == "not_found");
    const auto december_starts = std::chrono::duration_cast<std::chrono::milliseconds>(
        utc(2026, 11, 30, 16, 0).time_since_epoch());
    BOOST_TEST(full.data.value("quiet_until_ms", std::int64_t{0}) == december_starts.count());
    // 2026-12-01 00:10 Shanghai (still 30 November in UTC) is a new month.
    auto december = f.push(zhang, "web", ehall::random_hex(8), utc(2026, 11, 30, 16, 10));
    BOOST_TEST(december.code == "ok");
    BOOST_TEST(f.offers.scalar("SELECT count(*) AS value FROM offer_contacts "
                               "WHERE month = '2026-12' AND msisdn = ?",
                               {zhang}) == 1);
}

BOOST_AUTO_TEST_CASE(one_offer_for_at_most_three_consecutive_months) {
    OffersFixture f;
    for (unsigned month : {8u, 9u, 10u})
        BOOST_TEST(
            f.push(zhang, "web", ehall::random_hex(8), utc(2026, month, 10, 4, 0)).offer_id ==
            "LD12593");
    // The fourth month in a row: the next offer instead.
    BOOST_TEST(f.push(zhang, "web", ehall::random_hex(8), utc(2026, 11, 10, 4, 0)).offer_id ==
               "FAMILY3");
    // After a month without it, the offer may come back.
    BOOST_TEST(f.push(zhang, "web", ehall::random_hex(8), utc(2027, 1, 10, 4, 0)).offer_id ==
               "LD12593");
}

BOOST_AUTO_TEST_CASE(a_gap_month_breaks_the_consecutive_run) {
    OffersFixture f;
    for (unsigned month : {7u, 9u, 10u})
        f.push(zhang, "web", ehall::random_hex(8), utc(2026, month, 10, 4, 0));
    BOOST_TEST(f.push(zhang, "web", ehall::random_hex(8), utc(2026, 11, 10, 4, 0)).offer_id ==
               "LD12593");
}

BOOST_AUTO_TEST_CASE(one_push_per_session) {
    OffersFixture f;
    BOOST_TEST(f.push(zhang, "web", "session-1").code == "ok");
    BOOST_TEST(f.push(zhang, "web", "session-1").code == "not_found");
    BOOST_TEST(f.push(zhang, "web", "session-2").code == "ok");
    BOOST_TEST(f.contacts() == 2);
}

BOOST_AUTO_TEST_CASE(td_stops_every_push_until_kt) {
    OffersFixture f;
    f.sql("INSERT INTO sms_opt_out (msisdn, ts_ms) VALUES (?, 0)", {zhang});
    auto refused = f.push(zhang, "web");
    BOOST_TEST(refused.code == "not_found");
    BOOST_TEST(!refused.data.contains("quiet_until_ms"));  // KT may come any time
    BOOST_TEST(f.push(zhang, "kiosk").code == "not_found");
    BOOST_TEST(f.contacts() == 0);
    auto asked = f.offers.call("list");  // asking is answered all the same
    BOOST_TEST(asked.data["count"] == 2);
    f.sql("DELETE FROM sms_opt_out WHERE msisdn = ?", {zhang});
    BOOST_TEST(f.push(zhang, "web").code == "ok");
}

BOOST_AUTO_TEST_CASE(a_dismissed_offer_is_not_pushed_again) {
    OffersFixture f;
    BOOST_TEST(f.offers.call("dismiss", {{"offer", "LD12593"}}).offer_id == "LD12593");
    BOOST_TEST(f.push(zhang).offer_id == "FAMILY3");
    BOOST_TEST(f.offers.call("dismiss", {{"offer", "NOPE"}}).code == "not_found");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(offers_control_group)

BOOST_AUTO_TEST_CASE(control_customers_are_never_pushed_the_offer_and_are_recorded_once_a_month) {
    OffersFixture f;
    f.sql("UPDATE offers SET status = 'paused' WHERE id = 'LD12593'");
    f.sql("UPDATE offers SET control_percent = 50 WHERE id = 'FAMILY3'");
    int in_control = 0;
    for (int i = 0; i < 20; ++i) {
        const std::string msisdn = "1370000" + std::to_string(1000 + i);
        add_customer(f, msisdn);
        const bool control = bucket("FAMILY3", msisdn) < 50;
        in_control += control;
        for (int attempt = 0; attempt < 2; ++attempt) {
            auto shown = f.push(msisdn);
            BOOST_TEST(shown.code == (control ? "not_found" : "ok"), msisdn);
        }
        BOOST_TEST(f.contacts("control", msisdn) == (control ? 1 : 0), msisdn);
        BOOST_TEST(f.contacts("push", msisdn) == (control ? 0 : 2), msisdn);
    }
    BOOST_TEST(in_control > 0);
    BOOST_TEST(in_control < 20);
}

BOOST_AUTO_TEST_CASE(a_control_customer_may_still_get_another_offer) {
    OffersFixture f;
    f.sql("UPDATE offers SET control_percent = 50");
    std::string msisdn;
    for (int i = 0; msisdn.empty(); ++i) {
        const std::string candidate = "1370000" + std::to_string(2000 + i);
        if (bucket("LD12593", candidate) < 50 && bucket("FAMILY3", candidate) >= 50)
            msisdn = candidate;
    }
    add_customer(f, msisdn);
    f.sql("INSERT INTO segments (msisdn, tag) VALUES (?, 'ld_no_12593')", {msisdn});
    BOOST_TEST(f.push(msisdn).offer_id == "FAMILY3");
    BOOST_TEST(f.offers.scalar("SELECT count(*) AS value FROM offer_contacts WHERE msisdn = ? "
                               "AND offer_id = 'LD12593' AND kind = 'control'",
                               {msisdn}) == 1);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(offers_responses)

BOOST_AUTO_TEST_CASE(list_answers_without_counting_a_contact_and_views_each_offer) {
    OffersFixture f;
    auto listed = f.offers.call("list");
    BOOST_TEST(listed.code == "ok");
    BOOST_TEST(listed.data["count"] == 2);
    BOOST_TEST(listed.data["offers"][0]["id"] == "LD12593");
    BOOST_TEST(f.contacts() == 0);
    int views = 0;
    for (const auto& request : f.offers.dispatched())
        views += request.plugin == "offers" && request.operation == "view";
    BOOST_TEST(views == 2);
    auto viewed = f.offers.call("view", {{"offer", "family3"}});
    BOOST_TEST(viewed.offer_id == "FAMILY3");
    BOOST_TEST(viewed.data["offer"]["title"] == "3元亲情包");
}

BOOST_AUTO_TEST_CASE(accept_runs_the_target_operation_through_dispatch_with_the_offer_id) {
    OffersFixture f;
    auto accepted = f.offers.call("accept", {{"offer", "FAMILY3"}});
    BOOST_TEST(accepted.code == "ok");
    BOOST_TEST(accepted.offer_id == "FAMILY3");
    BOOST_TEST(accepted.data["result"]["charged_fen"] == 300);
    BOOST_TEST(f.offers.scalar("SELECT count(*) AS value FROM family_packages WHERE msisdn = ?",
                               {zhang}) == 1);
    bool dispatched = false;
    for (const auto& request : f.offers.dispatched())
        dispatched |= request.plugin == "family" && request.operation == "open" &&
                      request.offer_id == "FAMILY3" && request.customer == zhang;
    BOOST_TEST(dispatched);
    // Now held: no longer listed or pushed.
    BOOST_TEST(f.offers.call("list").data["count"] == 1);
}

BOOST_AUTO_TEST_CASE(accept_keeps_the_target_operations_own_rules) {
    OffersFixture f;
    f.sql("UPDATE accounts SET balance_fen = 100 WHERE msisdn = ?", {li});
    auto refused = f.offers.call(
        Call{.operation = "accept", .params = {{"offer", "FAMILY3"}}, .customer = li});
    BOOST_TEST(refused.code == "insufficient_balance");
    BOOST_TEST(refused.offer_id == "FAMILY3");
    BOOST_TEST(f.offers.scalar("SELECT count(*) AS value FROM family_packages WHERE msisdn = ?",
                               {li}) == 0);
    // An offer that does not target the customer cannot be taken.
    auto untargeted = f.offers.call(
        Call{.operation = "accept", .params = {{"offer", "LD12593"}}, .customer = li});
    BOOST_TEST(untargeted.code == "not_found");
}

BOOST_AUTO_TEST_CASE(the_12593_subscription_is_durable_and_idempotent) {
    OffersFixture f;
    auto first = f.offers.call("accept", {{"offer", "LD12593"}});
    BOOST_TEST(first.code == "ok");
    BOOST_TEST(first.data["result"]["subscribed"] == true);
    BOOST_TEST(first.data["result"]["already_subscribed"] == false);
    auto again = f.offers.call("subscribe_ld");
    BOOST_TEST(again.code == "ok");
    BOOST_TEST(again.data["already_subscribed"] == true);
    BOOST_TEST(f.offers.scalar("SELECT count(*) AS value FROM ld_subscriptions") == 1);
    BOOST_TEST(f.offers.call("ld_status").data["subscribed"] == true);
}

BOOST_AUTO_TEST_SUITE_END()
