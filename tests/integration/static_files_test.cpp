// GET /static/{file}: the shared stylesheet, and nothing outside templates/static.
#include <boost/test/unit_test.hpp>

#include "tests/support/http_client.hpp"
#include "tests/support/server_process.hpp"

using namespace ehall::test;

BOOST_AUTO_TEST_SUITE(static_files)

BOOST_AUTO_TEST_CASE(serves_the_stylesheet_and_refuses_other_paths) {
    ServerProcess server("static_files");
    BOOST_REQUIRE(server.start(demo_config()));
    HttpClient client(server.port());

    auto css = client.get("/static/ehall.css");
    BOOST_TEST(css.status == 200u);
    BOOST_TEST(css.header("Content-Type") == "text/css; charset=utf-8");
    BOOST_TEST(css.body.find("--brand") != std::string::npos);

    for (const char* target :
         {"/static/missing.css", "/static/..%2Fehall.json",
          "/static/%2e%2e%2f%2e%2e%2fconfig%2fehall.json", "/static/../../config/ehall.json"}) {
        auto refused = client.get(target);
        BOOST_TEST(refused.status == 404u, target);
        BOOST_TEST(refused.body.find("\"mode\"") == std::string::npos, target);
    }
}

BOOST_AUTO_TEST_SUITE_END()
