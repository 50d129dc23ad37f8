// The offer catalog the offers plugin owns: its admin operations (validation naming the key,
// defaults, create/update/pause/resume) and its demo catalog, added once at start in demo
// mode without overwriting ops' later changes.
#include <boost/test/unit_test.hpp>

#include "plugin_harness.hpp"

using ehall::test::PluginHarness;

namespace {

nlohmann::json valid_offer() {
    return {{"id", "TOPUP50"},
            {"title", "充50元话费"},
            {"sms_text", "回BL TOPUP50了解"},
            {"web_text", "充值50元。"},
            {"starts_on", "2026-01-01"},
            {"ends_on", "2026-12-31"},
            {"target", {{"plugin", "billing"}, {"operation", "balance"}}}};
}

// The message creating the valid offer with `key` set to `value` is refused with.
std::string problem_with(PluginHarness& offers, const std::string& key,
                         const nlohmann::json& value) {
    auto offer = valid_offer();
    offer[key] = value;
    auto result = offers.admin("create", {{"offer", offer}});
    BOOST_TEST(result.code == "bad_request", key);
    return result.message;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(offers_catalog)

BOOST_AUTO_TEST_CASE(a_valid_definition_gets_its_defaults) {
    PluginHarness offers("offers");
    auto created = offers.admin("create", {{"offer", valid_offer()}});
    BOOST_TEST(created.code == "ok", created.message);
    BOOST_TEST(created.data["offer"]["status"] == "active");
    BOOST_TEST(created.data["offer"]["control_percent"] == 0);
    BOOST_TEST(created.data["offer"]["segment_tags"].empty());
    BOOST_TEST(created.data["before"].is_null());
    BOOST_TEST(offers.admin("create", {{"offer", valid_offer()}}).code == "already_exists");
}

BOOST_AUTO_TEST_CASE(each_bad_value_is_named) {
    PluginHarness offers("offers");
    BOOST_TEST(problem_with(offers, "id", "family 3").find("'id'") != std::string::npos);
    BOOST_TEST(problem_with(offers, "sms_text", "").find("'sms_text'") != std::string::npos);
    BOOST_TEST(problem_with(offers, "sms_text", std::string(61 * 3, 'x')).find("'sms_text'") !=
               std::string::npos);
    BOOST_TEST(problem_with(offers, "brands", {"移动"}).find("'brands'") != std::string::npos);
    BOOST_TEST(problem_with(offers, "segment_tags", {"a,b"}).find("'segment_tags'") !=
               std::string::npos);
    BOOST_TEST(problem_with(offers, "ends_on", "2025-12-31").find("ends_on") != std::string::npos);
    BOOST_TEST(problem_with(offers, "starts_on", "2026-02-30").find("starts_on") !=
               std::string::npos);
    BOOST_TEST(problem_with(offers, "control_percent", 51).find("'control_percent'") !=
               std::string::npos);
    BOOST_TEST(problem_with(offers, "priority", 1.5).find("'priority'") != std::string::npos);
    BOOST_TEST(problem_with(offers, "target", {{"plugin", "billing"}}).find("'target'") !=
               std::string::npos);
    BOOST_TEST(problem_with(offers, "held_check", "family.show").find("'held_check'") !=
               std::string::npos);
    BOOST_TEST(problem_with(offers, "status", "deleted").find("'status'") != std::string::npos);
    BOOST_TEST(problem_with(offers, "colour", "red") == "unknown key 'colour'");
    BOOST_TEST(offers.admin("create", {{"offer", "TOPUP50"}}).code == "bad_request");
    BOOST_TEST(offers.admin("create").code == "bad_request");      // offer is required
    BOOST_TEST(offers.admin("list").data["offers"].size() == 2u);  // only the demo catalog
}

BOOST_AUTO_TEST_CASE(updates_keep_untouched_keys_and_pause_resume) {
    PluginHarness offers("offers");
    BOOST_REQUIRE(offers.admin("create", {{"offer", valid_offer()}}).code == "ok");
    auto updated = offers.admin("update", {{"id", "TOPUP50"}, {"changes", {{"priority", 7}}}});
    BOOST_TEST(updated.code == "ok", updated.message);
    BOOST_TEST(updated.data["offer"]["priority"] == 7);
    BOOST_TEST(updated.data["offer"]["title"] == "充50元话费");
    BOOST_TEST(updated.data["before"]["priority"] == 0);
    BOOST_TEST(offers.admin("update", {{"id", "NOPE"}, {"changes", {{"priority", 1}}}}).code ==
               "not_found");
    BOOST_TEST(offers.admin("update", {{"id", "TOPUP50"}, {"changes", {{"id", "X"}}}}).code ==
               "bad_request");
    BOOST_TEST(offers.admin("update", {{"id", "TOPUP50"}, {"changes", 7}}).code == "bad_request");
    BOOST_TEST(offers.admin("pause", {{"id", "TOPUP50"}}).data["offer"]["status"] == "paused");
    BOOST_TEST(offers.scalar("SELECT COUNT(*) AS value FROM offers WHERE status = 'paused'") == 1);
    BOOST_TEST(offers.admin("resume", {{"id", "TOPUP50"}}).data["offer"]["status"] == "active");
    BOOST_TEST(offers.admin("pause", {{"id", "NOPE"}}).code == "not_found");
    BOOST_TEST(offers.admin("remove", {{"id", "TOPUP50"}}).code == "unknown_operation");
}

BOOST_AUTO_TEST_CASE(the_demo_catalog_is_added_once_and_keeps_ops_changes) {
    PluginHarness offers("offers");
    auto listed = offers.admin("list");
    BOOST_REQUIRE(listed.data["offers"].size() == 2u);
    const auto& ld = listed.data["offers"][0];  // highest priority first
    BOOST_TEST(ld["id"] == "LD12593");
    BOOST_TEST(ld["segment_tags"] == nlohmann::json::array({"ld_no_12593"}));
    BOOST_TEST(ld["target"]["params"]["product"] == "12593");
    BOOST_TEST(ld["held_check"] == "offers.ld_status:subscribed");
    BOOST_TEST(listed.data["offers"][1]["target"]["plugin"] == "family");

    BOOST_REQUIRE(offers.admin("pause", {{"id", "LD12593"}}).code == "ok");
    offers.restart();
    listed = offers.admin("list");
    BOOST_TEST(listed.data["offers"].size() == 2u);
    BOOST_TEST(listed.data["offers"][0]["status"] == "paused");
}

BOOST_AUTO_TEST_SUITE_END()
