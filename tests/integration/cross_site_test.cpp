// Abuse from another site's page (issue 23, item 7): a JSON route takes a body only as
// Content-Type: application/json (415 otherwise, nothing done), and a route that sets a
// cookie refuses a foreign Origin (403, no cookie) while same-origin and Origin-less
// requests work as before.
#include <boost/test/unit_test.hpp>

#include "tests/support/demo_customer.hpp"
#include "tests/support/journal_reader.hpp"
#include "tests/support/kiosk_signer.hpp"
#include "tests/support/server_process.hpp"

using namespace ehall::test;

namespace {

const std::string login_path = "/api/v1/login";
const std::string login_body =
    nlohmann::json({{"msisdn", demo_msisdn}, {"password", demo_password}}).dump();

struct RunningServer {
    explicit RunningServer(nlohmann::json config = demo_config()) : server("cross-site") {
        BOOST_REQUIRE(server.start(config));
        client.emplace(server.port());
    }
    ~RunningServer() {
        if (server.running())
            BOOST_TEST(server.stop() == 0);
    }
    // What HttpClient sends as Host, as a browser on this page would send Origin.
    std::string own_origin() const { return "http://127.0.0.1:" + std::to_string(server.port()); }
    HttpResult log_in(Headers headers) {
        headers.emplace_back("Content-Type", "application/json");
        return client->request(http::verb::post, login_path, login_body, headers);
    }

    ServerProcess server;
    std::optional<HttpClient> client;
};

struct AllowingHall : RunningServer {
    static nlohmann::json config() {
        auto config = demo_config();
        config["gateway"] = {{"allowed_origins", {"https://Hall.Example"}}};
        return config;
    }
    AllowingHall() : RunningServer(config()) {}
};

void expect_refused(const HttpResult& result, unsigned status, const std::string& code,
                    const std::string& what) {
    BOOST_TEST(result.status == status, what << ": " << result.body);
    BOOST_TEST(result.json().value("status", "") == "error", what);
    BOOST_TEST(result.json().value("code", "") == code, what);
    BOOST_TEST(result.header("Set-Cookie").empty(), what);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cross_site)

BOOST_FIXTURE_TEST_CASE(web_json_routes_refuse_other_content_types, RunningServer) {
    auto& c = *client;
    // The cross-site form post of the attack, and its kin: nothing logs in.
    const std::pair<const char*, const char*> refused[] = {
        {"text/plain", "it-login-text"},
        {"application/x-www-form-urlencoded", "it-login-form"},
        {"multipart/form-data; boundary=x", "it-login-multipart"},
        {"", "it-login-untyped"},
    };
    for (const auto& [type, id] : refused) {
        Headers headers = {{"X-Request-Id", id}};
        if (*type)
            headers.emplace_back("Content-Type", type);
        expect_refused(c.request(http::verb::post, login_path, login_body, headers), 415u,
                       "unsupported_media_type", type);
    }
    // A payment posted as text does not move money.
    const std::string token = demo_token(c);
    BOOST_REQUIRE(!token.empty());
    expect_refused(c.request(http::verb::post, "/api/v1/services/billing/pay",
                             R"({"amount_fen":100,"method":"card"})",
                             with(bearer(token), "Content-Type", "text/plain")),
                   415u, "unsupported_media_type", "pay as text/plain");
    BOOST_TEST(c.post("/api/v1/services/billing/balance", {}, bearer(token))
                   .json()["data"]["balance_fen"] == 5860);

    // The media type in any case, with parameters.
    for (const char* type : {"application/json; charset=utf-8", "Application/JSON"}) {
        auto accepted =
            c.request(http::verb::post, login_path, login_body, {{"Content-Type", type}});
        BOOST_TEST(accepted.status == 200u, type);
        BOOST_TEST(accepted.header("Set-Cookie").starts_with("ehall_session="), type);
    }
    // A POST without a body carries nothing to smuggle: it needs no Content-Type.
    auto bodyless =
        c.request(http::verb::post, "/api/v1/services/billing/balance", "", bearer(token));
    BOOST_TEST(bodyless.status == 200u, bodyless.body);

    BOOST_REQUIRE(server.stop() == 0);
    const auto rows = read_interactions(server);
    for (const auto& [type, id] : refused)
        BOOST_TEST(find_by_request_id(rows, id) == nullptr, id << " was journaled");
}

BOOST_FIXTURE_TEST_CASE(kiosk_and_admin_json_routes_refuse_other_content_types, RunningServer) {
    auto& c = *client;
    const std::string identify = "/kiosk/v1/identify";
    Headers signed_headers = kiosk_signature_headers({"KIOSK-0001", "demo-kiosk-key-0001"}, "POST",
                                                     identify, login_body);
    expect_refused(c.request(http::verb::post, identify, login_body,
                             with(signed_headers, "Content-Type", "text/plain")),
                   415u, "unsupported_media_type", "kiosk identify as text/plain");

    const Headers admin = with(bearer(admin_token), "Content-Type", "text/plain");
    expect_refused(c.request(http::verb::post, "/admin/v1/plugins/billing/disable",
                             R"({"channels":["web"]})", admin),
                   415u, "unsupported_media_type", "admin disable as text/plain");
    BOOST_TEST(c.get("/api/v1/services").json()["services"].size() > 0u, "billing still on web");
    expect_refused(c.request(http::verb::post, "/admin/v1/sms/push",
                             R"({"msisdn":"13800138000","text":"hi"})", admin),
                   415u, "unsupported_media_type", "SMS push as text/plain");
    BOOST_TEST(
        c.get("/admin/v1/sms/outbox", bearer(admin_token)).json()["data"]["messages"].empty());
}

BOOST_FIXTURE_TEST_CASE(cookie_routes_refuse_foreign_origins, RunningServer) {
    auto& c = *client;
    const Headers json = {{"Content-Type", "application/json"}};
    const Headers form = {{"Content-Type", "application/x-www-form-urlencoded"}};
    const std::tuple<const char*, const Headers*, std::string> routes[] = {
        {"/api/v1/login", &json, login_body},
        {"/api/v1/logout", &json, "{}"},
        {"/login", &form, "msisdn=13800138000&password=135790&csrf=x"},
        {"/login/code", &form, "msisdn=13800138000&csrf=x"},
        {"/logout", &form, "csrf=x"},
        {"/admin/login", &form, "username=admin&password=x&csrf=x"},
        {"/admin/logout", &form, "csrf=x"},
        {"/analytics/login", &form, "token=demo-analyst-token&csrf=x"},
        {"/analytics/logout", &form, "csrf=x"},
        {"/kiosk/ui/activate", &form, "terminal_id=KIOSK-0001&code=12345678"},
        {"/kiosk/ui/identify", &form, "msisdn=13800138000&password=135790&csrf=x"},
        {"/kiosk/ui/end", &form, "csrf=x"},
    };
    const std::string foreign[] = {
        "https://evil.example",
        "null",
        "http://127.0.0.1:1",                                  // another port
        "https://127.0.0.1:" + std::to_string(server.port()),  // another scheme
        "http://127.0.0.1:" + std::to_string(server.port()) + ".evil.example",
    };
    for (const auto& [path, headers, body] : routes) {
        for (const auto& origin : foreign) {
            expect_refused(
                c.request(http::verb::post, path, body, with(*headers, "Origin", origin)), 403u,
                "forbidden", std::string(path) + " from " + origin);
        }
    }

    // The login of the attack, with the right content type: refused, and not journaled.
    expect_refused(
        log_in({{"Origin", "https://evil.example"}, {"X-Request-Id", "it-foreign-login"}}), 403u,
        "forbidden", "foreign login");
    BOOST_REQUIRE(server.stop() == 0);
    BOOST_TEST(find_by_request_id(read_interactions(server), "it-foreign-login") ==
               nullptr);
}

BOOST_FIXTURE_TEST_CASE(same_origin_and_origin_less_logins_work, RunningServer) {
    for (const Headers& headers :
         {Headers{}, Headers{{"Origin", own_origin()}},
          Headers{{"Origin", "HTTP://127.0.0.1:" + std::to_string(server.port())}}}) {
        auto result = log_in(headers);
        BOOST_TEST(result.status == 200u, result.body);
        BOOST_TEST(result.header("Set-Cookie").starts_with("ehall_session="));
    }
    // Behind a TLS proxy (X-Forwarded-Proto: https) the page's origin is https.
    auto proxied = log_in({{"X-Forwarded-Proto", "https"},
                           {"Origin", "https://127.0.0.1:" + std::to_string(server.port())}});
    BOOST_TEST(proxied.status == 200u, proxied.body);
    BOOST_TEST(proxied.header("Set-Cookie").find("Secure") != std::string::npos);
    expect_refused(log_in({{"X-Forwarded-Proto", "https"}, {"Origin", own_origin()}}), 403u,
                   "forbidden", "plain-http page behind a TLS proxy");
}

BOOST_FIXTURE_TEST_CASE(configured_origins_may_log_in, AllowingHall) {
    for (const char* origin : {"https://hall.example", "https://hall.example:443"}) {
        auto result = log_in({{"Origin", origin}});
        BOOST_TEST(result.status == 200u, origin << ": " << result.body);
        BOOST_TEST(result.header("Set-Cookie").starts_with("ehall_session="), origin);
    }
    expect_refused(log_in({{"Origin", "https://hall.example:8443"}}), 403u, "forbidden",
                   "another port");
    expect_refused(log_in({{"Origin", "http://hall.example"}}), 403u, "forbidden",
                   "another scheme");
}

BOOST_AUTO_TEST_SUITE_END()
