// Offer definitions as ops and config/demo/offers.json give them: validation naming the key,
// defaults, and loading the demo file once without overwriting ops' later changes.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>

#include <ehall/clock.hpp>
#include "gateway/base/random_token.hpp"
#include "gateway/offers/offer_definition.hpp"
#include "gateway/store/core_schema.hpp"
#include "gateway/store/migrations.hpp"
#include "gateway/store/sqlite_store.hpp"

namespace {

nlohmann::json valid_offer() {
    return {{"id", "FAMILY3"},
            {"title", "3元亲情包"},
            {"sms_text", "回BL FAMILY3开通"},
            {"web_text", "每月3元。"},
            {"starts_on", "2026-01-01"},
            {"ends_on", "2026-12-31"},
            {"target", {{"plugin", "family"}, {"operation", "open"}}}};
}

std::string problem_with(const std::string& key, const nlohmann::json& value) {
    auto offer = valid_offer();
    offer[key] = value;
    return ehall::validate_offer(offer).value_or("");
}

struct CatalogStore {
    std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("ehall-offers-" + ehall::random_hex(6));
    ehall::SqliteStore store{{.path = dir / "ehall.db"}};
    CatalogStore() { ehall::apply_migrations(store, "core", ehall::core_migrations()); }
    ~CatalogStore() {
        std::error_code ignored;
        std::filesystem::remove_all(dir, ignored);
    }
};

const std::filesystem::path demo_file =
    std::filesystem::path(EHALL_SOURCE_DIR) / "config/demo/offers.json";

}  // namespace

BOOST_AUTO_TEST_SUITE(offer_definition)

BOOST_AUTO_TEST_CASE(a_valid_definition_gets_its_defaults) {
    auto offer = valid_offer();
    BOOST_TEST(!ehall::validate_offer(offer).has_value());
    BOOST_TEST(offer["status"] == "active");
    BOOST_TEST(offer["control_percent"] == 0);
    BOOST_TEST(offer["segment_tags"].empty());
}

BOOST_AUTO_TEST_CASE(each_bad_value_is_named) {
    BOOST_TEST(problem_with("id", "family 3").find("'id'") != std::string::npos);
    BOOST_TEST(problem_with("sms_text", "").find("'sms_text'") != std::string::npos);
    BOOST_TEST(problem_with("sms_text", std::string(61 * 3, 'x')).find("'sms_text'") !=
               std::string::npos);
    BOOST_TEST(problem_with("brands", {"移动"}).find("'brands'") != std::string::npos);
    BOOST_TEST(problem_with("segment_tags", {"a,b"}).find("'segment_tags'") != std::string::npos);
    BOOST_TEST(problem_with("ends_on", "2025-12-31").find("ends_on") != std::string::npos);
    BOOST_TEST(problem_with("starts_on", "2026-02-30").find("starts_on") != std::string::npos);
    BOOST_TEST(problem_with("control_percent", 51).find("'control_percent'") != std::string::npos);
    BOOST_TEST(problem_with("priority", 1.5).find("'priority'") != std::string::npos);
    BOOST_TEST(problem_with("target", {{"plugin", "family"}}).find("'target'") !=
               std::string::npos);
    BOOST_TEST(problem_with("held_check", "family.show").find("'held_check'") != std::string::npos);
    BOOST_TEST(problem_with("status", "deleted").find("'status'") != std::string::npos);
    BOOST_TEST(problem_with("colour", "red") == "unknown key 'colour'");
}

BOOST_AUTO_TEST_CASE(the_demo_file_loads_once_and_keeps_ops_changes) {
    CatalogStore catalog;
    BOOST_TEST(ehall::load_offer_file(catalog.store, demo_file, ehall::now_ms()) == 2);
    catalog.store.write([](ehall::Transaction& tx) {
        tx.execute("UPDATE offers SET status = 'paused' WHERE id = 'LD12593'");
    });
    BOOST_TEST(ehall::load_offer_file(catalog.store, demo_file, ehall::now_ms()) == 0);
    catalog.store.read([](ehall::Transaction& tx) {
        auto ld = ehall::stored_offer(tx, "LD12593");
        BOOST_REQUIRE(ld.has_value());
        BOOST_TEST((*ld)["status"] == "paused");
        BOOST_TEST((*ld)["segment_tags"] == nlohmann::json::array({"ld_no_12593"}));
        BOOST_TEST((*ld)["target"]["params"]["product"] == "12593");
        BOOST_TEST((*ld)["held_check"] == "offers.ld_status:subscribed");
        BOOST_TEST(ehall::stored_offers(tx).size() == 2u);
    });
}

BOOST_AUTO_TEST_CASE(an_invalid_file_loads_nothing_and_names_the_offer) {
    CatalogStore catalog;
    const auto file = catalog.dir / "offers.json";
    auto bad = valid_offer();
    bad["priority"] = -1;
    std::ofstream(file) << nlohmann::json{{"offers", {valid_offer(), bad}}}.dump();
    try {
        ehall::load_offer_file(catalog.store, file, ehall::now_ms());
        BOOST_FAIL("expected an error");
    } catch (const std::runtime_error& e) {
        BOOST_TEST(std::string(e.what()).find("FAMILY3") != std::string::npos, e.what());
        BOOST_TEST(std::string(e.what()).find("'priority'") != std::string::npos, e.what());
    }
    catalog.store.read(
        [](ehall::Transaction& tx) { BOOST_TEST(ehall::stored_offers(tx).empty()); });
}

BOOST_AUTO_TEST_SUITE_END()
