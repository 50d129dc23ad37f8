// The kiosk UI's templates as shipped (templates/kiosk): the offer popup after identify,
// escaping of what the offer says, and the countdown only where a customer may be present.
#include <boost/test/unit_test.hpp>

#include "gateway/html/page_templates.hpp"

namespace {

ehall::PageTemplates kiosk_pages() {
    return ehall::PageTemplates(std::filesystem::path(EHALL_SOURCE_DIR) / "templates", "kiosk");
}

nlohmann::json tiles_page() {
    return {{"title", "自助服务"},
            {"csrf", "c5rf"},
            {"hall", "FS-CC-01"},
            {"terminal_id", "KIOSK-0001"},
            {"idle_seconds", 45},
            {"countdown", true},
            {"masked_name", "张*"},
            {"tiles", {{{"title", "话费余额"}, {"href", "/kiosk/ui/services/billing/balance"}}}}};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(kiosk_screens)

BOOST_AUTO_TEST_CASE(the_offer_popup_shows_only_with_an_offer_and_escapes_it) {
    auto pages = kiosk_pages();
    nlohmann::json page = tiles_page();
    std::string plain = pages.render_page("services_screen", page);
    BOOST_TEST(plain.find("offer-popup") == std::string::npos);
    BOOST_TEST(plain.find("href=\"/kiosk/ui/services/billing/balance\"") != std::string::npos);

    page["offer"] = {{"id", "LD12593"},
                     {"title", "12593 长途<b>优惠</b>"},
                     {"web_text", "拨打长途前加拨 12593，每分钟 0.1 元"}};
    std::string offered = pages.render_page("services_screen", page);
    BOOST_TEST(offered.find("class=\"offer-popup\"") != std::string::npos);
    BOOST_TEST(offered.find("12593 长途&lt;b&gt;优惠&lt;/b&gt;") != std::string::npos);
    BOOST_TEST(offered.find("每分钟 0.1 元") != std::string::npos);
    BOOST_TEST(offered.find("<b>") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_countdown_and_its_end_form_come_with_the_page_data) {
    auto pages = kiosk_pages();
    nlohmann::json page = tiles_page();
    std::string counted = pages.render_page("services_screen", page);
    BOOST_TEST(counted.find("data-idle-seconds=\"45\"") != std::string::npos);
    BOOST_TEST(counted.find("action=\"/kiosk/ui/end\"") != std::string::npos);
    BOOST_TEST(counted.find("value=\"c5rf\"") != std::string::npos);
    BOOST_TEST(counted.find("<script src=\"/static/kiosk.js\"") != std::string::npos);
    BOOST_TEST(counted.find("<script>") == std::string::npos);  // nothing inline (CSP)

    page["countdown"] = false;
    std::string start = pages.render_page("start_screen", page);
    BOOST_TEST(start.find("data-idle-seconds") == std::string::npos);
    BOOST_TEST(start.find("/kiosk/ui/end") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
