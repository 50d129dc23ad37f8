// The family package's subscription side: opening (the monthly fee at once), holding several
// packages, idempotent retries, cancelling at the end of the month, and its config.
#include <boost/test/unit_test.hpp>
#include <chrono>

#include <ehall/clock.hpp>
#include "tests/plugin_tests/plugin_harness.hpp"

using ehall::test::PluginHarness;
using Call = PluginHarness::Call;

namespace {

constexpr const char* zhang = "13800138000";
constexpr const char* li = "13900139000";

std::int64_t balance(PluginHarness& family, const std::string& msisdn = zhang) {
    return family.scalar("SELECT balance_fen AS value FROM accounts WHERE msisdn = ?", {msisdn});
}

std::int64_t packages(PluginHarness& family, const std::string& msisdn = zhang) {
    return family.scalar("SELECT count(*) AS value FROM family_packages WHERE msisdn = ?",
                         {msisdn});
}

void set_balance(PluginHarness& family, const std::string& msisdn, std::int64_t fen) {
    family.store().write([&](ehall::Transaction& tx) {
        tx.execute("UPDATE accounts SET balance_fen = ? WHERE msisdn = ?", {fen, msisdn});
    });
}

// "2026-04-30": the last day of the Asia/Shanghai month holding `utc_ms`.
std::string month_end(std::int64_t utc_ms) {
    using namespace std::chrono;
    const std::string month = ehall::shanghai_month(utc_ms);
    const year_month_day_last last{
        year{std::stoi(month.substr(0, 4))},
        month_day_last{std::chrono::month{static_cast<unsigned>(std::stoi(month.substr(5, 2)))}}};
    return month + "-" + (unsigned(last.day()) < 10 ? "0" : "") +
           std::to_string(unsigned(last.day()));
}

class ConfigContext : public ehall::PluginContext {
  public:
    ConfigContext(ehall::Store& store, nlohmann::json config)
        : store_(store), config_(std::move(config)) {}
    ehall::Store& store() override { return store_; }
    const nlohmann::json& config() const override { return config_; }
    bool demo_mode() const override { return true; }
    void log(ehall::LogLevel, std::string_view) override {}
    void invoke_operation(ehall::ServiceRequest,
                          std::function<void(ehall::ServiceResult)> done) override {
        done(ehall::ServiceResult::error("unknown_operation"));
    }

  private:
    ehall::Store& store_;
    nlohmann::json config_;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(family_subscription)

BOOST_AUTO_TEST_CASE(open_charges_the_monthly_fee_and_each_open_is_a_new_package) {
    PluginHarness family("family");
    auto first = family.call("open");
    BOOST_TEST(first.code == "ok");
    BOOST_TEST(first.amount_fen.value_or(0) == 300);
    BOOST_TEST(first.data["charged_fen"] == 300);
    BOOST_TEST(first.data["balance_fen"] == 5560);
    BOOST_TEST(first.data["status"] == "active");
    BOOST_TEST(balance(family) == 5560);
    BOOST_TEST(family.scalar("SELECT delta_fen AS value FROM balance_ledger WHERE msisdn = ? "
                             "AND kind = 'fee' AND reference LIKE 'family:%'",
                             {zhang}) == -300);

    auto second = family.call("open");
    BOOST_TEST(second.code == "ok");
    BOOST_TEST(second.data["package_id"] != first.data["package_id"]);
    BOOST_TEST(balance(family) == 5260);
    BOOST_TEST(packages(family) == 2);
    BOOST_TEST(family.scalar("SELECT count(*) AS value FROM family_packages "
                             "WHERE msisdn = ? AND status = 'active'",
                             {zhang}) == 2);
}

BOOST_AUTO_TEST_CASE(open_without_the_fee_on_the_balance_changes_nothing) {
    PluginHarness family("family");
    set_balance(family, li, 299);
    auto refused = family.call(Call{.operation = "open", .customer = li});
    BOOST_TEST(refused.code == "insufficient_balance");
    BOOST_TEST(!refused.amount_fen.has_value());
    BOOST_TEST(balance(family, li) == 299);
    BOOST_TEST(packages(family, li) == 0);
    BOOST_TEST(
        family.scalar("SELECT count(*) AS value FROM balance_ledger WHERE msisdn = ?", {li}) == 0);

    set_balance(family, li, 300);
    BOOST_TEST(family.call(Call{.operation = "open", .customer = li}).code == "ok");
    BOOST_TEST(balance(family, li) == 0);
    BOOST_TEST(packages(family, li) == 1);
}

BOOST_AUTO_TEST_CASE(a_retried_open_returns_the_first_result_and_charges_once) {
    PluginHarness family("family");
    const Call open{.operation = "open", .idempotency_key = "family-open-0001"};
    auto first = family.call(open);
    auto retry = family.call(open);
    BOOST_TEST(first.code == "ok");
    BOOST_TEST(retry.code == "ok");
    BOOST_TEST(retry.data["package_id"] == first.data["package_id"]);
    BOOST_TEST(retry.data["replayed"] == true);
    BOOST_TEST(!retry.amount_fen.has_value());  // the money moved with the first request
    BOOST_TEST(packages(family) == 1);
    BOOST_TEST(balance(family) == 5560);

    // The same key for another operation is refused, not replayed.
    auto reused = family.call(Call{.operation = "cancel", .idempotency_key = "family-open-0001"});
    BOOST_TEST(reused.code == "bad_request");
    BOOST_TEST(family.scalar("SELECT count(*) AS value FROM family_packages "
                             "WHERE status = 'cancelling'") == 0);
}

BOOST_AUTO_TEST_CASE(cancel_ends_the_package_on_the_last_day_of_the_month) {
    PluginHarness family("family");
    const auto before = ehall::now_ms();
    const auto id = family.call("open").data["package_id"].get<std::int64_t>();
    auto cancelled = family.call("cancel", {{"package_id", id}});
    const auto after = ehall::now_ms();
    BOOST_TEST(cancelled.code == "ok");
    BOOST_TEST(!cancelled.amount_fen.has_value());
    BOOST_TEST(cancelled.data["status"] == "cancelling");
    const std::string ends_on = cancelled.data["ends_on"];
    BOOST_TEST((ends_on == month_end(before) || ends_on == month_end(after)), ends_on);
    BOOST_TEST(family.scalar("SELECT count(*) AS value FROM family_packages WHERE id = ? AND "
                             "status = 'cancelling' AND ends_on = ?",
                             {id, ends_on}) == 1);
    BOOST_TEST(balance(family) == 5560);  // no refund, no fee

    // Still in force until then: shown with its last day.
    auto shown = family.call("show");
    BOOST_REQUIRE(shown.data["packages"].size() == 1u);
    BOOST_TEST(shown.data["packages"][0]["status"] == "cancelling");
    BOOST_TEST(shown.data["packages"][0]["ends_on"] == ends_on);

    auto again = family.call("cancel", {{"package_id", id}});
    BOOST_TEST(again.code == "not_found");
    // A cancelled package takes no new numbers unless named.
    BOOST_TEST(family.call("add", {{"number", "13912345678"}}).code == "not_found");
    BOOST_TEST(family.call("cancel").code == "not_found");
}

BOOST_AUTO_TEST_CASE(cancel_finds_only_the_customers_own_packages) {
    PluginHarness family("family");
    const auto zhangs = family.call("open").data["package_id"].get<std::int64_t>();
    auto by_li = family.call(
        Call{.operation = "cancel", .params = {{"package_id", zhangs}}, .customer = li});
    BOOST_TEST(by_li.code == "not_found");
    BOOST_TEST(family.call("cancel", {{"package_id", zhangs + 100}}).code == "not_found");
    BOOST_TEST(family.scalar("SELECT count(*) AS value FROM family_packages "
                             "WHERE status = 'active'") == 1);

    // Without package_id: the only active package; with two, the customer must say which.
    family.call("open");
    auto ambiguous = family.call("cancel");
    BOOST_TEST(ambiguous.code == "bad_request");
    BOOST_TEST(ambiguous.message.find(std::to_string(zhangs)) != std::string::npos,
               ambiguous.message);
    BOOST_TEST(family.call("cancel", {{"package_id", zhangs}}).code == "ok");
    auto last = family.call("cancel");
    BOOST_TEST(last.code == "ok");
    BOOST_TEST(last.data["package_id"] != zhangs);
}

BOOST_AUTO_TEST_CASE(config_sets_the_prices_and_refuses_unknown_keys) {
    PluginHarness family("family");
    ConfigContext typo(family.store(), {{"monthly_fee_fen", 300}, {"max_member", 5}});
    BOOST_CHECK_EXCEPTION(family.plugin().start(typo), std::invalid_argument,
                          [](const std::invalid_argument& e) {
                              return std::string(e.what()).find("max_member") != std::string::npos;
                          });
    ConfigContext negative(family.store(), {{"change_fee_fen", -1}});
    BOOST_CHECK_THROW(family.plugin().start(negative), std::invalid_argument);
    ConfigContext text(family.store(), {{"free_minutes", "50"}});
    BOOST_CHECK_THROW(family.plugin().start(text), std::invalid_argument);

    ConfigContext custom(family.store(),
                         {{"monthly_fee_fen", 500}, {"max_members", 2}, {"free_minutes", 30}});
    family.plugin().start(custom);
    auto opened = family.call("open");
    BOOST_TEST(opened.amount_fen.value_or(0) == 500);
    BOOST_TEST(balance(family) == 5360);
    BOOST_TEST(family.call("add", {{"number", "13912345678"}}).code == "ok");
    BOOST_TEST(family.call("add", {{"number", "13912345679"}}).code == "ok");
    BOOST_TEST(family.call("add", {{"number", "13912345670"}}).code == "family_number_limit");
    BOOST_TEST(family.call("show").data["packages"][0]["free_minutes_left"] == 30);
    BOOST_TEST(family.call("change", {{"old", "13912345678"}, {"new", "13912345677"}})
                   .amount_fen.value_or(0) == 100);  // the default change fee
}

BOOST_AUTO_TEST_SUITE_END()
