// Untrusted input is answered gracefully: bad JSON, oversized bodies and headers, malformed
// HTTP, unknown routes and names, missing credentials; and keep-alive works.
#include <boost/test/unit_test.hpp>

#include "tests/support/demo_customer.hpp"
#include "tests/support/server_process.hpp"

using namespace ehall::test;

namespace {

const std::string balance_path = "/api/v1/services/billing/balance";

// One server for the checks that do not change its state.
struct RunningServer {
    RunningServer() : server("request-limits") {
        BOOST_REQUIRE(server.start(demo_config()));
        client.emplace(server.port());
        token = demo_token(*client);
        BOOST_REQUIRE(!token.empty());
    }
    ~RunningServer() { BOOST_TEST(server.stop() == 0); }

    ServerProcess server;
    std::optional<HttpClient> client;
    std::string token;
};

std::string post_head(const std::string& target, std::size_t content_length) {
    return "POST " + target +
           " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
           "Connection: close\r\nContent-Length: " +
           std::to_string(content_length) + "\r\n\r\n";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(request_limits)

BOOST_FIXTURE_TEST_CASE(bad_json_and_missing_names, RunningServer) {
    auto& c = *client;
    auto malformed = c.post_json_text(balance_path, "{\"not json", bearer(token));
    BOOST_TEST(malformed.status == 400u);
    BOOST_TEST(malformed.json()["code"] == "bad_request");
    auto array = c.post_json_text(balance_path, "[1, 2]", bearer(token));
    BOOST_TEST(array.status == 400u);

    auto anonymous = c.post(balance_path, {});
    BOOST_TEST(anonymous.status == 401u);
    BOOST_TEST(anonymous.json()["code"] == "unauthenticated");

    auto no_plugin = c.post("/api/v1/services/nosuch/balance", {}, bearer(token));
    BOOST_TEST(no_plugin.status == 404u);
    BOOST_TEST(no_plugin.json()["code"] == "not_found");
    auto no_operation = c.post("/api/v1/services/billing/nosuch", {}, bearer(token));
    BOOST_TEST(no_operation.status == 404u);
    BOOST_TEST(no_operation.json()["code"] == "unknown_operation");

    BOOST_TEST(c.get("/api/v1/login").status == 405u);
    BOOST_TEST(c.get("/no/such/route").status == 404u);
    BOOST_TEST(c.post(balance_path, {}, bearer(token)).json()["data"]["balance_fen"] == 5860);
}

BOOST_FIXTURE_TEST_CASE(oversized_body_is_413, RunningServer) {
    const std::size_t size = 4 * 1024 * 1024;
    std::string body = "{\"text\":\"" + std::string(size - 11, 'a') + "\"}";
    BOOST_REQUIRE(body.size() == size);
    auto answer = raw_exchange(server.port(), post_head(balance_path, size) + body);
    BOOST_TEST(answer.status == 413u, answer.text.substr(0, 200));
    BOOST_TEST(client->get("/healthz").status == 200u);
}

BOOST_FIXTURE_TEST_CASE(oversized_header_is_431, RunningServer) {
    std::string request =
        "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Filler: " + std::string(16 * 1024, 'h') +
        "\r\nConnection: close\r\n\r\n";
    auto answer = raw_exchange(server.port(), request);
    BOOST_TEST(answer.status == 431u, answer.text.substr(0, 200));
    BOOST_TEST(client->get("/healthz").status == 200u);
}

BOOST_FIXTURE_TEST_CASE(malformed_http_is_400, RunningServer) {
    auto garbage = raw_exchange(server.port(), "THIS IS NOT HTTP\r\n\r\n");
    BOOST_TEST(garbage.status == 400u, garbage.text);
    auto bad_length = raw_exchange(
        server.port(),
        "POST /api/v1/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: banana\r\n\r\n");
    BOOST_TEST(bad_length.status == 400u, bad_length.text);
    // A well-formed request on a raw connection is answered normally.
    auto fine = raw_exchange(
        server.port(), "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    BOOST_TEST(fine.status == 200u, fine.text);
    BOOST_TEST(client->get("/healthz").status == 200u);
}

BOOST_FIXTURE_TEST_CASE(keep_alive_serves_many_requests_on_one_connection, RunningServer) {
    HttpClient one(server.port());
    for (int i = 0; i < 5; ++i) {
        BOOST_TEST(one.get("/healthz").status == 200u);
        BOOST_TEST(one.post(balance_path, {}, bearer(token)).status == 200u);
    }
    BOOST_TEST(one.get("/api/v1/services").status == 200u);
    BOOST_TEST(one.connections_opened() == 1);
}

BOOST_AUTO_TEST_SUITE_END()
