// plugins.config.billing: checked at start (unknown keys and bad values stop start-up with
// the key's name), and the acquirer chosen by mode: the sandbox in demo mode only.
#include <boost/test/unit_test.hpp>

#include "gateway/host/host_context.hpp"
#include "gateway/host/plugin_module.hpp"
#include "tests/plugin_tests/plugin_harness.hpp"

using ehall::ServiceResult;
using ehall::test::PluginHarness;

namespace {

// A second billing plugin started with `config` in demo or production mode over `store`.
struct StartedBilling {
    StartedBilling(ehall::Store& store, const nlohmann::json& config, bool demo)
        : context(store, config, demo, "billing"),
          module(ehall::PluginModule::load(std::filesystem::path(EHALL_PLUGIN_DIR) / "billing.so",
                                           "billing")) {
        module->plugin().start(context);
    }

    ServiceResult call(const nlohmann::json& params, const std::string& channel = "web",
                       const std::string& terminal = {}) {
        ehall::ServiceRequest request;
        request.channel = channel;
        request.customer = "13800138000";
        request.plugin = "billing";
        request.operation = "pay";
        request.params = params;
        request.terminal_id = terminal;
        request.request_id = "config-test-" + std::to_string(++calls);
        ServiceResult answer;
        module->plugin().invoke(request, [&](ServiceResult r) { answer = std::move(r); });
        return answer;
    }

    ehall::HostContext context;
    std::unique_ptr<ehall::PluginModule> module;
    int calls = 0;
};

// The message start() refused `config` with, or "" when it started.
std::string refusal(ehall::Store& store, const nlohmann::json& config, bool demo = true) {
    try {
        StartedBilling billing(store, config, demo);
    } catch (const std::invalid_argument& e) {
        return e.what();
    }
    return {};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(billing_config)

BOOST_AUTO_TEST_CASE(start_refuses_unknown_keys_and_bad_values) {
    PluginHarness harness("billing");
    auto& store = harness.store();
    BOOST_TEST(refusal(store, {{"payment_provider", "sandbox"}, {"colour", "red"}}) ==
               "unknown key 'colour'");
    BOOST_TEST(
        refusal(store, {{"payment_provider", "paypal"}}).starts_with("key 'payment_provider'"));
    BOOST_TEST(
        refusal(store, {{"payment_timeout_ms", "fast"}}).starts_with("key 'payment_timeout_ms'"));
    BOOST_TEST(refusal(store, {{"ecoins_per_yuan", -1}}).starts_with("key 'ecoins_per_yuan'"));
    BOOST_TEST(
        refusal(store, {{"ecoins_min_amount_fen", 0}}).starts_with("key 'ecoins_min_amount_fen'"));
    BOOST_TEST(
        refusal(store, {{"ecoins_daily_cap", "lots"}}).starts_with("key 'ecoins_daily_cap'"));
    BOOST_TEST(refusal(store, {{"ecoins_per_payment", 10}}) ==
               "unknown key 'ecoins_per_payment'");  // the flat award is gone
    BOOST_TEST(refusal(store, {{"voucher_attempts_per_day", 0}})
                   .starts_with("key 'voucher_attempts_per_day'"));
    BOOST_TEST(refusal(store, {{"payment_provider", "http"}}).starts_with("key 'payment_url'"));
    BOOST_TEST(refusal(store, {{"payment_provider", "http"},
                               {"payment_url", "ftp://acquirer.example/charge"}})
                   .starts_with("key 'payment_url'"));
    BOOST_TEST(refusal(store, {{"payment_provider", "http"},
                               {"payment_url", "http://acquirer.example/charge"},
                               {"payment_ca_file", "/etc/ssl/certs/ca-certificates.crt"}})
                   .starts_with("key 'payment_ca_file'"));  // a CA file for plain http
    BOOST_TEST(refusal(store, {{"payment_provider", "http"},
                               {"payment_url", "http://127.0.0.1:99999/charge"}})
                   .starts_with("key 'payment_url'"));
    BOOST_TEST(refusal(store, {{"payment_provider", "sandbox"}}, false)
                   .starts_with("key 'payment_provider'"));  // it approves without charging

    BOOST_TEST(refusal(store, nlohmann::json::object()) == "");
    BOOST_TEST(refusal(store,
                       {{"payment_provider", "http"},
                        {"payment_url", "http://acquirer.internal:8443/v1/charge"},
                        {"payment_timeout_ms", 2500},
                        {"ecoins_per_yuan", 0},
                        {"voucher_attempts_per_day", 3}},
                       false) == "");
}

BOOST_AUTO_TEST_CASE(outside_demo_mode_card_payments_need_a_configured_acquirer) {
    PluginHarness harness("billing");
    StartedBilling production(harness.store(), nlohmann::json::object(), false);
    auto card = production.call({{"amount_fen", 1000}, {"method", "card"}});
    BOOST_TEST(card.code == "payment_failed");
    BOOST_TEST(harness.scalar("SELECT count(*) AS value FROM payments") == 0);
    BOOST_TEST(harness.scalar("SELECT balance_fen AS value FROM accounts "
                              "WHERE msisdn = '13800138000'") == 5860);
    // Cash needs no acquirer.
    auto cash = production.call({{"amount_fen", 1000}, {"method", "cash"}}, "kiosk", "KIOSK-0001");
    BOOST_TEST(cash.code == "ok", cash.message);
    BOOST_TEST(harness.scalar("SELECT count(*) AS value FROM payments") == 1);
}

BOOST_AUTO_TEST_SUITE_END()
