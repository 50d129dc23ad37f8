// Pages: escaping by default, partials from the shared folder, the layout around a page.
#include <boost/test/unit_test.hpp>

#include "gateway/html/page_templates.hpp"

using ehall::PageTemplates;

namespace {

PageTemplates sample_pages() {
    return PageTemplates(
        {{"hello", "<p>{{name}}</p>{{> sign}}{{> _mark}}"},
         {"_mark", "!"},
         {"raw", "{{{svg}}}"},
         {"layout", "<title>{{title}}</title><main>{{{content}}}</main>"}},
        {{"sign", "<i>{{who}}</i>"}, {"layout", "shared layout"}, {"only_shared", "{{n}}"}});
}

}  // namespace

BOOST_AUTO_TEST_SUITE(page_templates)

BOOST_AUTO_TEST_CASE(escapes_values_unless_the_template_asks_for_raw_html) {
    auto pages = sample_pages();
    nlohmann::json data = {{"name", "<script>alert('x')</script>&\""}, {"who", "a<b"}};
    BOOST_TEST(pages.render("hello", data) ==
               "<p>&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;&amp;&quot;</p><i>a&lt;b</i>!");
    BOOST_TEST(pages.render("raw", {{"svg", "<svg></svg>"}}) == "<svg></svg>");
}

BOOST_AUTO_TEST_CASE(wraps_a_page_in_the_area_layout_and_finds_shared_templates) {
    auto pages = sample_pages();
    BOOST_TEST(pages.render_page("hello", {{"name", "张三"}, {"title", "首页"}, {"who", "x"}}) ==
               "<title>首页</title><main><p>张三</p><i>x</i>!</main>");
    BOOST_TEST(pages.has("only_shared"));
    BOOST_TEST(pages.render("only_shared", {{"n", 3}}) == "3");
    BOOST_CHECK_THROW(pages.render("missing", nlohmann::json::object()), std::out_of_range);
}

BOOST_AUTO_TEST_CASE(an_empty_message_shows_no_box) {
    ehall::TemplateTexts area = {
        {"page",
         "[{{#flash}}<p class=\"notice\">{{flash}}</p>{{/flash}}]{{^flash}}none{{/flash}}"}};
    PageTemplates pages(area, ehall::TemplateTexts{});
    BOOST_TEST(pages.render("page", {{"flash", ""}}) == "[]none");
    BOOST_TEST(pages.render("page", {{"flash", "已开启"}}) == "[<p class=\"notice\">已开启</p>]");
}

BOOST_AUTO_TEST_CASE(a_partial_is_never_taken_from_data) {
    auto pages = sample_pages();
    nlohmann::json data = {{"name", "n"}, {"sign", "{{{name}}}<b>"}, {"who", "w"}};
    BOOST_TEST(pages.render("hello", data) == "<p>n</p><i>w</i>!");
    // An area template without the underscore is a page, free to share a field's name.
    BOOST_TEST(pages.render("raw", {{"svg", "<b>"}, {"hello", "x"}}) == "<b>");
}

BOOST_AUTO_TEST_CASE(reads_the_repository_templates) {
    PageTemplates pages(EHALL_SOURCE_DIR "/templates", "shared");
    auto page = pages.render("layout", {{"title", "<x>"}, {"content", "<p>body</p>"}});
    BOOST_TEST(page.find("<title>&lt;x&gt; · ehall</title>") != std::string::npos);
    BOOST_TEST(page.find("<p>body</p>") != std::string::npos);
    BOOST_TEST(page.find("/static/ehall.css") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
