// Family numbers: who may be one (any operator's mobile, a fixed line in the customer's home
// area, never the customer's own number), five per package, free to add and remove, and a
// fee to change.
#include <boost/test/unit_test.hpp>

#include "tests/plugin_tests/plugin_harness.hpp"

using ehall::test::PluginHarness;
using Call = PluginHarness::Call;

namespace {

constexpr const char* zhang = "13800138000";

std::int64_t balance(PluginHarness& family) {
    return family.scalar("SELECT balance_fen AS value FROM accounts WHERE msisdn = ?", {zhang});
}

std::int64_t members(PluginHarness& family, std::int64_t package_id) {
    return family.scalar("SELECT count(*) AS value FROM family_members WHERE package_id = ?",
                         {package_id});
}

std::int64_t open_package(PluginHarness& family) {
    auto opened = family.call("open");
    BOOST_REQUIRE(opened.code == "ok");
    return opened.data["package_id"].get<std::int64_t>();
}

std::string add(PluginHarness& family, const std::string& number) {
    return family.call("add", {{"number", number}}).code;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(family_members)

BOOST_AUTO_TEST_CASE(without_a_package_there_is_nothing_to_change) {
    PluginHarness family("family");
    auto added = family.call("add", {{"number", "13912345678"}});
    BOOST_TEST(added.code == "not_found");
    BOOST_TEST(added.message == "no family package; send QQB KT to open one");
    BOOST_TEST(family.call("remove", {{"number", "13912345678"}}).code == "not_found");
    BOOST_TEST(family.call("change", {{"old", "13912345678"}, {"new", "13912345679"}}).code ==
               "not_found");
    BOOST_TEST(family.call("cancel").code == "not_found");
    auto shown = family.call("show");
    BOOST_TEST(shown.code == "ok");
    BOOST_TEST(shown.data["packages"].empty());
}

BOOST_AUTO_TEST_CASE(five_numbers_per_package_for_free) {
    PluginHarness family("family");
    const auto id = open_package(family);
    const auto after_open = balance(family);
    for (const char* number :
         {"13912345678", "15012345678", "18612345678", "17012345678", "19912345678"}) {
        auto added = family.call("add", {{"number", number}});
        BOOST_TEST(added.code == "ok", number << ": " << added.message);
        BOOST_TEST(!added.amount_fen.has_value());
    }
    auto sixth = family.call("add", {{"number", "13312345678"}});
    BOOST_TEST(sixth.code == "family_number_limit");
    BOOST_TEST(members(family, id) == 5);
    BOOST_TEST(balance(family) == after_open);

    // A second package takes the next numbers, and add without package_id finds it.
    const auto second = open_package(family);
    auto next = family.call("add", {{"number", "13312345678"}});
    BOOST_TEST(next.code == "ok");
    BOOST_TEST(next.data["package_id"] == second);
    BOOST_TEST(family.call("add", {{"number", "13312345679"}, {"package_id", id}}).code ==
               "family_number_limit");
}

BOOST_AUTO_TEST_CASE(which_numbers_may_be_family_numbers) {
    PluginHarness family("family");
    const auto id = open_package(family);
    BOOST_TEST(add(family, "17012345678") == "ok");   // another operator's mobile
    BOOST_TEST(add(family, "075512345678") == "ok");  // fixed line, own area, 8 digits
    BOOST_TEST(add(family, "07552345678") == "ok");   // fixed line, own area, 7 digits

    auto other_area = family.call("add", {{"number", "02012345678"}});
    BOOST_TEST(other_area.code == "family_number_invalid");
    BOOST_TEST(other_area.message.find("0755") != std::string::npos, other_area.message);
    BOOST_TEST(add(family, "1234567") == "family_number_invalid");
    BOOST_TEST(add(family, "12012345678") == "family_number_invalid");   // no 12x mobiles
    BOOST_TEST(add(family, "075501234567") == "family_number_invalid");  // local part 0...
    BOOST_TEST(add(family, "0755123456") == "family_number_invalid");    // local part too short
    BOOST_TEST(add(family, zhang) == "family_number_invalid");           // own number
    auto twice = family.call("add", {{"number", "17012345678"}});
    BOOST_TEST(twice.code == "family_number_invalid");
    BOOST_TEST(twice.message.find("already") != std::string::npos, twice.message);
    // Refused by the host before the plugin (not a phone number at all), with the code the
    // parameter declares.
    BOOST_TEST(add(family, "123") == "family_number_invalid");
    BOOST_TEST(add(family, "0755-1234567") == "family_number_invalid");
    BOOST_TEST(members(family, id) == 3);
}

BOOST_AUTO_TEST_CASE(remove_then_add_again_costs_nothing) {
    PluginHarness family("family");
    const auto id = open_package(family);
    const auto after_open = balance(family);
    BOOST_TEST(add(family, "13912345678") == "ok");
    auto removed = family.call("remove", {{"number", "13912345678"}});
    BOOST_TEST(removed.code == "ok");
    BOOST_TEST(removed.data["package_id"] == id);
    BOOST_TEST(removed.data["members"].empty());
    BOOST_TEST(members(family, id) == 0);
    BOOST_TEST(add(family, "13912345678") == "ok");
    BOOST_TEST(members(family, id) == 1);
    BOOST_TEST(balance(family) == after_open);

    BOOST_TEST(family.call("remove", {{"number", "13912345670"}}).code == "not_found");
    BOOST_TEST(family.call("remove", {{"number", "13912345678"}, {"package_id", id + 1}}).code ==
               "not_found");
    // Li cannot remove Zhang's numbers.
    auto by_li = family.call(Call{.operation = "remove",
                                  .params = {{"number", "13912345678"}, {"package_id", id}},
                                  .customer = "13900139000"});
    BOOST_TEST(by_li.code == "not_found");
    BOOST_TEST(members(family, id) == 1);
}

BOOST_AUTO_TEST_CASE(change_replaces_the_number_for_the_change_fee) {
    PluginHarness family("family");
    const auto id = open_package(family);
    BOOST_TEST(add(family, "13912345678") == "ok");
    BOOST_TEST(add(family, "13912345679") == "ok");
    const auto before = balance(family);

    auto changed = family.call("change", {{"old", "13912345678"}, {"new", "075512345678"}});
    BOOST_TEST(changed.code == "ok", changed.message);
    BOOST_TEST(changed.amount_fen.value_or(0) == 100);
    BOOST_TEST(changed.data["fee_fen"] == 100);
    BOOST_TEST(changed.data["members"] == nlohmann::json({"075512345678", "13912345679"}));
    BOOST_TEST(balance(family) == before - 100);
    BOOST_TEST(members(family, id) == 2);

    // Refusals charge nothing.
    BOOST_TEST(family.call("change", {{"old", "13912345678"}, {"new", "13912345670"}}).code ==
               "not_found");
    BOOST_TEST(family.call("change", {{"old", "13912345679"}, {"new", "075512345678"}}).code ==
               "family_number_invalid");
    BOOST_TEST(family.call("change", {{"old", "13912345679"}, {"new", "02012345678"}}).code ==
               "family_number_invalid");
    BOOST_TEST(family.call("change", {{"old", "13912345679"}, {"new", zhang}}).code ==
               "family_number_invalid");
    BOOST_TEST(balance(family) == before - 100);

    family.store().write([](ehall::Transaction& tx) {
        tx.execute("UPDATE accounts SET balance_fen = 99 WHERE msisdn = ?", {zhang});
    });
    auto short_of_money = family.call("change", {{"old", "13912345679"}, {"new", "13912345670"}});
    BOOST_TEST(short_of_money.code == "insufficient_balance");
    BOOST_TEST(balance(family) == 99);
    BOOST_TEST(family.scalar("SELECT count(*) AS value FROM family_members WHERE number = ?",
                             {"13912345679"}) == 1);
}

BOOST_AUTO_TEST_CASE(show_lists_members_and_the_free_minutes_left_this_month) {
    PluginHarness family("family");
    const auto first = open_package(family);
    const auto second = open_package(family);
    BOOST_TEST(add(family, "13912345678") == "ok");
    BOOST_TEST(family.call("add", {{"number", "075512345678"}, {"package_id", second}}).code ==
               "ok");
    auto fresh = family.call("show");
    BOOST_TEST(fresh.data["free_minutes_left"] == 100);
    BOOST_TEST(fresh.data["monthly_fee_fen"] == 600);

    const std::string month = fresh.data["month"];
    family.store().write([&](ehall::Transaction& tx) {
        const char* sql =
            "INSERT INTO family_usage (package_id, month, minutes_used) VALUES (?, ?, ?)";
        tx.execute(sql, {first, month, std::int64_t{12}});
        tx.execute(sql, {second, month, std::int64_t{75}});  // over the free minutes
        tx.execute(sql, {first, std::string("2000-01"), std::int64_t{50}});  // another month
    });
    auto shown = family.call("show");
    BOOST_TEST(shown.code == "ok");
    const auto& packages = shown.data["packages"];
    BOOST_REQUIRE(packages.size() == 2u);
    BOOST_TEST(packages[0]["package_id"] == first);
    BOOST_TEST(packages[0]["status"] == "active");
    BOOST_TEST(packages[0]["ends_on"].is_null());
    BOOST_TEST(packages[0]["opened"].get<std::string>().size() == 19u);
    BOOST_TEST(packages[0]["members"].size() == 1u);
    BOOST_TEST(packages[0]["members"][0]["number"] == "13912345678");
    BOOST_TEST(packages[0]["free_minutes_used"] == 12);
    BOOST_TEST(packages[0]["free_minutes_left"] == 38);
    BOOST_TEST(packages[0]["monthly_fee_fen"] == 300);
    BOOST_TEST(packages[1]["members"][0]["number"] == "075512345678");
    BOOST_TEST(packages[1]["free_minutes_left"] == 0);
    BOOST_TEST(shown.data["free_minutes_left"] == 38);

    // A package cancelled in an earlier month has ended: no longer shown or changeable.
    family.store().write([](ehall::Transaction& tx) {
        tx.execute(
            "INSERT INTO family_packages (id, msisdn, status, opened_ms, ends_on) "
            "VALUES (900, ?, 'cancelling', 0, '2000-01-31')",
            {zhang});
    });
    BOOST_TEST(family.call("show").data["packages"].size() == 2u);
    BOOST_TEST(family.call("add", {{"number", "13912345670"}, {"package_id", 900}}).code ==
               "not_found");
    BOOST_TEST(family.call("cancel", {{"package_id", 900}}).code == "not_found");
}

BOOST_AUTO_TEST_SUITE_END()
