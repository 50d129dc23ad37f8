// Hostile input against the running server: oversized URLs and headers, deeply nested and
// invalid JSON, invalid UTF-8, SQL injection and path traversal in every kind of parameter,
// CR/LF aimed at response headers, oversized SMS text, bad amounts and look-alike digits.
// Every case: a specific 4xx and error code (SMS: the contract's 200 and a reply text), no
// 5xx, /healthz still answers, and the store and journal show nothing was written.
#include <boost/test/unit_test.hpp>

#include "tests/support/journal_reader.hpp"
#include "tests/support/kiosk_test_server.hpp"
#include "tests/support/store_state.hpp"

using namespace ehall::test;

namespace {

const std::string analyst_token = "demo-analyst-token";
const std::vector<std::string> injections = {"' OR '1'='1", "1; DROP TABLE payments;--",
                                             "13800138000' --", "\" OR 1=1 --"};
// 13800138000 in full-width, Arabic-Indic and mathematical bold digits, and with a
// zero-width space: none of them is an MSISDN on the web or at a kiosk.
const std::vector<std::string> look_alikes = {
    "１３８００１３８０００", "١٣٨٠٠١٣٨٠٠٠",
    "\xf0\x9d\x9f\x8f\xf0\x9d\x9f\x91\xf0\x9d\x9f\x96\xf0\x9d\x9f\x8e\xf0\x9d\x9f\x8e\xf0\x9d\x9f"
    "\x8f\xf0\x9d\x9f\x91\xf0\x9d\x9f\x96\xf0\x9d\x9f\x8e\xf0\x9d\x9f\x8e\xf0\x9d\x9f\x8e",
    "13800138000\u200b"};

std::string url_encoded(std::string_view text) {
    static const char hex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.') {
            out += static_cast<char>(c);
        } else {
            out.append("%").append(1, hex[c >> 4]).append(1, hex[c & 15]);
        }
    }
    return out;
}

// A demo gateway with every plugin; on teardown it must still answer and show no writes.
struct HostileServer {
    HostileServer() : server("hostile-input") {
        BOOST_REQUIRE(server.start(demo_config({"billing", "family", "points", "offers"})));
        client.emplace(server.port());
        token = demo_token(*client);
        BOOST_REQUIRE(!token.empty());
        before = store_state(server);
    }
    ~HostileServer() {
        BOOST_TEST(client->get("/healthz").status == 200u);
        const auto after = store_state(server);
        for (const auto& [what, count] : before)
            BOOST_TEST(after.at(what) == count, what << " changed");
        BOOST_TEST(server.stop() == 0);
        // The journal has the refusals, but no business that succeeded and no money.
        for (const auto& row : read_interactions(server)) {
            const bool business = row["business"] != "balance_query" && row["business"] != "other";
            BOOST_TEST(!(business && row["outcome"] == "ok"), row.dump());
            BOOST_TEST((row["amount_fen"].is_null() || row["amount_fen"] == 0), row.dump());
        }
    }

    // Asserts the status and the JSON error code of a refusal.
    void expect(const HttpResult& result, unsigned status, const std::string& code,
                const std::string& what) {
        BOOST_TEST(result.status == status, what << ": " << result.body.substr(0, 200));
        BOOST_TEST(result.json().value("code", "") == code,
                   what << ": " << result.body.substr(0, 200));
    }
    HttpResult web(const std::string& operation, const std::string& body) {
        return client->request(
            http::verb::post, "/api/v1/services/" + operation, body,
            {{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}});
    }
    // A kiosk call signed by the demo terminal, with `body` sent exactly as given.
    HttpResult kiosk_text(const std::string& path, const std::string& body) {
        Headers headers = kiosk_signature_headers(demo_kiosk, "POST", path, body);
        headers.emplace_back("Content-Type", "application/json");
        return client->request(http::verb::post, path, body, headers);
    }
    HttpResult sms(const std::string& text) {
        return client->get("/sms/mo?from=13800138000&to=10086&text=" + url_encoded(text));
    }

    ServerProcess server;
    std::optional<HttpClient> client;
    std::string token;
    std::map<std::string, std::int64_t> before;
};

std::string get_with_header(const std::string& target, const std::string& header) {
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + header +
           "Connection: close\r\n\r\n";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(hostile_input)

BOOST_FIXTURE_TEST_CASE(oversized_url_header_and_nesting, HostileServer) {
    auto url = raw_exchange(server.port(), get_with_header("/" + std::string(100 * 1024, 'a'), ""));
    BOOST_TEST(url.status == 414u, url.text.substr(0, 200));
    BOOST_TEST(url.text.find("\"uri_too_long\"") != std::string::npos);
    auto header =
        raw_exchange(server.port(),
                     get_with_header("/healthz", "X-Big: " + std::string(60 * 1024, 'h') + "\r\n"));
    BOOST_TEST(header.status == 431u, header.text.substr(0, 200));
    BOOST_TEST(header.text.find("\"header_too_large\"") != std::string::npos);
    expect(web("billing/balance", std::string(100000, '[')), 400, "bad_request", "100k [");
    std::string deep;  // valid JSON: {"a":{"a":...1...}}
    for (int i = 0; i < 50000; ++i)
        deep.append("{\"a\":");
    deep.append("1").append(50000, '}');
    expect(web("billing/pay", deep), 400, "bad_request", "50k nested objects");
    expect(web("billing/pay", "{\"amount_fen\":1,\"x\":" + std::string(50000, '[') +
                                  std::string(50000, ']') + "}"),
           400, "bad_request", "50k nested arrays in a parameter");
}

// A nesting bomb in a field that a route reads (not only in the body's outer shape): the
// depth is refused while parsing, so nothing copies, compares or prints the nested value.
BOOST_FIXTURE_TEST_CASE(nesting_bombs_on_every_json_route, HostileServer) {
    const std::size_t levels = 400000;  // 800 KB: inside the 1 MiB body limit
    const std::string arrays = std::string(levels, '[') + std::string(levels, ']');
    std::string objects;
    for (std::size_t i = 0; i < levels / 8; ++i)
        objects.append("{\"a\":");
    objects.append("1").append(levels / 8, '}');
    const Headers admin = {{"Authorization", std::string("Bearer ") + admin_token},
                           {"Content-Type", "application/json"}};
    for (const std::string& bomb : {arrays, objects}) {
        const std::string what = bomb.front() == '[' ? "arrays" : "objects";
        auto field = [&](const char* name) {
            return "{\"" + std::string(name) + "\":" + bomb + "}";
        };
        expect(client->request(http::verb::post, "/api/v1/login", field("msisdn"),
                               {{"Content-Type", "application/json"}}),
               400, "bad_request", "web login, " + what);
        expect(client->request(http::verb::post, "/api/v1/login/code", field("msisdn"),
                               {{"Content-Type", "application/json"}}),
               400, "bad_request", "code login, " + what);
        expect(web("billing/pay", field("amount_fen")), 400, "bad_request", "web pay, " + what);
        for (const char* path : {"/kiosk/v1/identify", "/kiosk/v1/lookup", "/kiosk/v1/heartbeat",
                                 "/kiosk/v1/end_session", "/kiosk/v1/services/billing/pay"}) {
            expect(kiosk_text(path, field("msisdn")), 400, "bad_request",
                   std::string(path) + ", " + what);
        }
        for (const char* path :
             {"/admin/v1/plugins/billing/disable", "/admin/v1/accounts",
              "/admin/v1/plugins/offers/ops/list", "/admin/v1/terminals", "/admin/v1/sms/push"}) {
            expect(client->request(http::verb::post, path, field("channels"), admin), 400,
                   "bad_request", std::string(path) + ", " + what);
        }
        expect(client->request(http::verb::post, "/admin/v1/accounts", field("name"), admin), 400,
               "bad_request", "account name, " + what);
    }
}

BOOST_FIXTURE_TEST_CASE(invalid_utf8, HostileServer) {
    expect(web("billing/pay", "{\"amount_fen\":100,\"method\":\"\xff\xfe\"}"), 400, "bad_request",
           "invalid UTF-8 in JSON");
    expect(web("points/redeem", "{\"item\":\"HF10\xc0\xaf\"}"), 400, "bad_request",
           "overlong UTF-8 in JSON");
    expect(kiosk_text("/kiosk/v1/identify", "{\"msisdn\":\"\xed\xa0\x80\",\"password\":\"1\"}"),
           400, "bad_request", "surrogate in kiosk JSON");
    // SMS (DESIGN §6): Kannel gets 200 and a reply text; unreadable text is said so.
    for (const char* text : {"%FF%FEYE", "%C0%AF", "JF%20%ED%A0%80"}) {
        auto reply = client->get(std::string("/sms/mo?from=13800138000&to=10086&text=") + text);
        BOOST_TEST(reply.status == 200u, text);
        BOOST_TEST(reply.body.find("无法识别") != std::string::npos, text << ": " << reply.body);
    }
}

BOOST_FIXTURE_TEST_CASE(sql_injection_in_every_kind_of_parameter, HostileServer) {
    HttpClient kiosk_http(server.port());
    KioskClient kiosk{kiosk_http, demo_kiosk};
    for (const auto& s : injections) {
        expect(client->post("/api/v1/login", {{"msisdn", s}, {"password", "135790"}}), 400,
               "bad_request", std::string("msisdn ").append(s));
        expect(client->post("/api/v1/login", {{"msisdn", demo_msisdn}, {"password", s}}), 400,
               "bad_request", std::string("password ").append(s));
        expect(kiosk.post("/kiosk/v1/identify", {{"msisdn", s}, {"password", "135790"}}), 400,
               "bad_request", std::string("kiosk msisdn ").append(s));
        expect(kiosk.post("/kiosk/v1/services/billing/pay",
                          {{"msisdn", s}, {"amount_fen", 100}, {"method", "cash"}}),
               400, "bad_request", std::string("cash msisdn ").append(s));
        expect(web("billing/topup_voucher", nlohmann::json{{"pin", s}}.dump()), 400, "bad_request",
               std::string("pin ").append(s));
        // The code the number parameter declares (DESIGN §6b), before the plugin sees it.
        expect(web("family/add", nlohmann::json{{"number", s}}.dump()), 422,
               "family_number_invalid", std::string("family number ").append(s));
        expect(web("points/redeem", nlohmann::json{{"item", s}}.dump()), 404, "not_found",
               std::string("reward ").append(s));
        auto offer = web("offers/accept", nlohmann::json{{"offer", s}}.dump());
        BOOST_TEST((offer.status == 404u || offer.status == 400u), offer.body);
        expect(client->post("/admin/v1/plugins/" + url_encoded(s) + "/enable",
                            {{"channels", {"web"}}}, bearer(admin_token)),
               404, "not_found", std::string("plugin name ").append(s));
        expect(client->get("/analytics/v1/reports/diversion?business=" + url_encoded(s) +
                               "&from=hall&base=2026-03&months=2026-04",
                           bearer(analyst_token)),
               400, "bad_request", std::string("analytics business ").append(s));
        expect(client->get("/analytics/v1/reports/diversion?business=payment&from=hall&base=" +
                               url_encoded(s) + "&months=2026-04",
                           bearer(analyst_token)),
               400, "bad_request", std::string("analytics month ").append(s));
        auto audit =
            client->get("/admin/v1/audit?actor=" + url_encoded(s) + "&target=" + url_encoded(s),
                        bearer(admin_token));
        BOOST_TEST(audit.status == 200u);  // a filter that matches nothing
        BOOST_TEST(audit.json()["entries"].empty(), audit.body);
        for (const char* command : {"CZ ", "BL ", "DH ", "QQB TJ "}) {
            auto reply = sms(std::string(command).append(s));
            BOOST_TEST(reply.status == 200u);
            BOOST_TEST(reply.body.find("格式") != std::string::npos,
                       command << s << ": " << reply.body);
        }
    }
    expect(client->post("/api/v1/services/billing/balance", {}, bearer(token)), 200, "ok",
           "the tables are still there");
}

BOOST_FIXTURE_TEST_CASE(path_traversal, HostileServer) {
    for (const char* path :
         {"/static/../config/ehall.json", "/static/%2e%2e/%2e%2e/config/ehall.json",
          "/static/..%2f..%2fconfig%2fehall.json", "/static/%2e%2e%2fREADME.md",
          "/static/style.css%00.txt", "/static/%2fetc%2fpasswd", "/static/..\\..\\etc\\passwd",
          "/%2e%2e/%2e%2e/etc/passwd", "/kiosk/ui/../../admin"}) {
        auto answer = raw_exchange(server.port(), get_with_header(path, ""));
        BOOST_TEST(answer.status == 404u, path << ": " << answer.text.substr(0, 200));
        BOOST_TEST(answer.text.find("\"mode\"") == std::string::npos, path);
    }
    for (const char* id : {"..%2f..%2fetc%2fpasswd", "%2e%2e", "billing%00", "..%2fbilling"}) {
        expect(client->post(std::string("/admin/v1/plugins/") + id + "/disable",
                            {{"channels", {"web"}}}, bearer(admin_token)),
               404, "not_found", id);
    }
    expect(web("..%2f..%2fbilling/balance", "{}"), 404, "not_found", "plugin ../");
}

BOOST_FIXTURE_TEST_CASE(cr_lf_never_reaches_a_response_header, HostileServer) {
    const std::string post_head =
        "POST /api/v1/services/billing/balance HTTP/1.1\r\nHost: x\r\n"
        "Authorization: Bearer " +
        token + "\r\n";
    const std::string tail =
        "Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}";
    for (const std::string key : {"abcdefgh\rSet-Cookie: x=1", "abcdefgh\nSet-Cookie: x=1",
                                  "abcdefgh\r\n Set-Cookie: x=1"}) {
        auto answer = raw_exchange(server.port(), post_head + "Idempotency-Key: " + key + "\r\n" +
                                                      "X-Request-Id: " + key + "\r\n" + tail);
        BOOST_TEST(answer.status == 400u, answer.text.substr(0, 300));
        BOOST_TEST(answer.text.find("Set-Cookie") == std::string::npos, answer.text);
    }
    auto csv = client->get("/analytics/csv/diversion%0d%0aSet-Cookie:%20x=1?business=payment",
                           bearer(analyst_token));
    BOOST_TEST(csv.status == 404u, csv.body);
    BOOST_TEST(csv.header("Set-Cookie").empty());
    BOOST_TEST(csv.header("Content-Disposition").empty());
    auto plugin = client->post("/admin/v1/plugins/billing%0d%0aLocation:%20x/enable",
                               {{"channels", {"web"}}}, bearer(admin_token));
    expect(plugin, 404, "not_found", "CR/LF in a plugin name");
    BOOST_TEST(plugin.header("Location").empty());
}

BOOST_FIXTURE_TEST_CASE(oversized_sms_text, HostileServer) {
    for (std::size_t size : {2000u, 6000u}) {
        auto reply = sms(std::string(size, 'Y'));
        BOOST_TEST(reply.status == 200u);
        BOOST_TEST(reply.body.find("未能识别") != std::string::npos, reply.body);
    }
    // Beyond the header limit in a GET, and as a large form body.
    auto url = client->get("/sms/mo?from=13800138000&to=10086&text=" + std::string(20000, 'Y'));
    expect(url, 414, "uri_too_long", "SMS text in a 20 KB URL");
    auto form = client->request(http::verb::post, "/sms/mo",
                                "from=13800138000&to=10086&text=" + std::string(200000, 'Y'),
                                {{"Content-Type", "application/x-www-form-urlencoded"}});
    BOOST_TEST(form.status == 200u);
    BOOST_TEST(form.body.find("未能识别") != std::string::npos, form.body);
}

BOOST_FIXTURE_TEST_CASE(bad_amounts, HostileServer) {
    for (const char* amount : {"-5", "0", "-0", "9223372036854775808", "18446744073709551615",
                               "99999999999999999999999", "1.5", "100.0", "1e3", "1E2", "\"1e3\"",
                               "\"abc\"", "\" 100\"", "\"0x10\"", "true", "[]", "{}", "1000001"}) {
        const std::string body =
            std::string("{\"amount_fen\":").append(amount).append(",\"method\":\"card\"}");
        expect(web("billing/pay", body), 400, "bad_request", std::string("web amount ") + amount);
        const std::string cash = std::string("{\"msisdn\":\"13800138000\",\"amount_fen\":")
                                     .append(amount)
                                     .append(",\"method\":\"cash\"}");
        expect(kiosk_text("/kiosk/v1/services/billing/pay", cash), 400, "bad_request",
               std::string("kiosk amount ") + amount);
    }
    for (const char* yuan : {"-5", "1.555", "1e3", "0.001", "99999999999999999999999", "١٠"}) {
        auto reply = sms(std::string("JF ") + yuan);
        BOOST_TEST(reply.status == 200u);
        BOOST_TEST(reply.body.find("格式") != std::string::npos, yuan << ": " << reply.body);
    }
}

BOOST_FIXTURE_TEST_CASE(look_alike_digits_in_msisdns, HostileServer) {
    HttpClient kiosk_http(server.port());
    KioskClient kiosk{kiosk_http, demo_kiosk};
    for (const auto& msisdn : look_alikes) {
        expect(client->post("/api/v1/login", {{"msisdn", msisdn}, {"password", demo_password}}),
               400, "bad_request", std::string("web login ").append(msisdn));
        expect(kiosk.post("/kiosk/v1/identify", {{"msisdn", msisdn}, {"password", demo_password}}),
               400, "bad_request", std::string("kiosk identify ").append(msisdn));
        expect(kiosk.post("/kiosk/v1/services/billing/pay",
                          {{"msisdn", msisdn}, {"amount_fen", 100}, {"method", "cash"}}),
               400, "bad_request", std::string("kiosk cash ").append(msisdn));
        expect(web("family/add", nlohmann::json{{"number", msisdn}}.dump()), 422,
               "family_number_invalid", std::string("family number ").append(msisdn));
    }
    // SMS normalises full-width characters in the text by design (DESIGN §7), but the
    // sender address is Kannel's and must be plain digits.
    auto sender = client->get("/sms/mo?from=" + url_encoded(look_alikes[0]) + "&to=10086&text=YE");
    BOOST_TEST(sender.status == 200u);
    BOOST_TEST(sender.body.find("余额") == std::string::npos, sender.body);
}

BOOST_AUTO_TEST_SUITE_END()
