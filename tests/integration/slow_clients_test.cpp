// Slow and idle clients cost the server nothing it cannot bound: slowloris connections do
// not delay a normal request and are closed at the read deadline, connections over the
// per-IP cap get a 503 and are closed at once, idle kept-alive connections are closed after the
// idle timeout, and a request that has started is not cut by it.
#include <boost/test/unit_test.hpp>
#include <memory>
#include <thread>
#include <vector>

#include "tests/support/http_client.hpp"
#include "tests/support/raw_connection.hpp"
#include "tests/support/server_process.hpp"

using namespace ehall::test;
using namespace std::chrono_literals;

namespace {

const std::string healthz = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

nlohmann::json config_with(const nlohmann::json& gateway) {
    auto config = demo_config();
    config["gateway"].update(gateway);
    return config;
}

bool answers_healthz(std::uint16_t port) {
    try {
        return HttpClient(port).get("/healthz").status == 200u;
    } catch (const std::exception&) {
        return false;
    }
}

double refused_count(const std::string& metrics) {
    const std::string name = "\nehall_connections_refused ";
    auto at = metrics.find(name);
    return at == std::string::npos ? -1.0 : std::stod(metrics.substr(at + name.size()));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(slow_clients)

BOOST_AUTO_TEST_CASE(slowloris_connections_do_not_delay_a_normal_request) {
    ServerProcess server("slowloris");
    BOOST_REQUIRE(server.start(config_with(
        {{"read_timeout_ms", 3000}, {"idle_timeout_ms", 3000}, {"max_connections_per_ip", 1000}})));
    std::vector<std::unique_ptr<RawConnection>> slow;
    for (int i = 0; i < 300; ++i) {
        slow.push_back(std::make_unique<RawConnection>(server.port()));
        slow.back()->send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
    }
    // A header byte a second on every slow connection; a normal request each second too.
    HttpClient normal(server.port());
    for (int second = 0; second < 6; ++second) {
        for (auto& connection : slow)
            connection->send("a");
        auto answer = normal.get("/healthz");
        BOOST_TEST(answer.status == 200u);
        BOOST_TEST(HttpClient(server.port()).get("/healthz").status == 200u);
        std::this_thread::sleep_for(1s);
    }
    // No request ever completed on them: the read deadline closed every one.
    int closed = 0;
    for (auto& connection : slow) {
        if (connection->wait_closed(20s))
            ++closed;
        BOOST_TEST(connection->received().find("200 OK") == std::string::npos);
    }
    BOOST_TEST(closed == 300);
    BOOST_TEST(normal.get("/healthz").status == 200u);
    BOOST_TEST(server.stop() == 0);
}

BOOST_AUTO_TEST_CASE(connections_over_the_per_ip_cap_get_a_503_and_are_closed) {
    ServerProcess server("ip-cap");
    BOOST_REQUIRE(server.start(config_with({{"max_connections_per_ip", 5}})));
    std::vector<std::unique_ptr<RawConnection>> held;
    for (int i = 0; i < 5; ++i) {
        held.push_back(std::make_unique<RawConnection>(server.port()));
        held.back()->send(healthz);
        BOOST_TEST(held.back()->read(10s, "\r\n\r\n").starts_with("HTTP/1.1 200"));
    }
    RawConnection over(server.port());
    over.send(healthz);
    BOOST_TEST(over.wait_closed(10s));
    const std::string& refusal = over.received();
    BOOST_TEST(refusal.starts_with("HTTP/1.1 503 Service Unavailable\r\n"));
    BOOST_TEST(refusal.find("\r\nRetry-After: 5\r\n") != std::string::npos);
    BOOST_TEST(refusal.find("\r\nConnection: close\r\n") != std::string::npos);
    auto body = nlohmann::json::parse(refusal.substr(refusal.find("\r\n\r\n") + 4));
    BOOST_TEST(body["status"] == "error");
    BOOST_TEST(body["code"] == "too_many_connections");
    BOOST_TEST(body.contains("message"));
    // The reply does not wait for a request: one that sends nothing gets it too.
    RawConnection silent(server.port());
    BOOST_TEST(silent.read(10s, "too_many_connections").starts_with("HTTP/1.1 503"));
    BOOST_TEST(silent.wait_closed(10s));
    BOOST_TEST(!answers_healthz(server.port()));

    // Room again once one closes (the server sees the close at its next read).
    held.pop_back();
    bool answered = false;
    for (int attempt = 0; attempt < 100 && !answered; ++attempt) {
        answered = answers_healthz(server.port());
        if (!answered)
            std::this_thread::sleep_for(100ms);
    }
    BOOST_TEST(answered);
    held.clear();
    std::this_thread::sleep_for(200ms);
    HttpClient client(server.port());
    // The over one, the silent one, the healthz check; perhaps more while waiting for room.
    BOOST_TEST(refused_count(client.get("/metrics").body) >= 3.0);
    BOOST_TEST(server.stop() == 0);
}

BOOST_AUTO_TEST_CASE(idle_keep_alive_connections_are_closed_after_the_idle_timeout) {
    ServerProcess server("idle-timeout");
    BOOST_REQUIRE(server.start(config_with({{"idle_timeout_ms", 500}})));
    RawConnection kept(server.port());
    kept.send(healthz);
    const std::string& reply = kept.read(10s, "{\"status\":\"ok\"}");
    BOOST_TEST(reply.starts_with("HTTP/1.1 200"));
    BOOST_TEST(reply.find("Connection: close") == std::string::npos);  // kept alive
    BOOST_TEST(kept.wait_closed(20s));

    RawConnection silent(server.port());
    BOOST_TEST(silent.wait_closed(20s));
    BOOST_TEST(silent.received().empty());

    // Once a request has started, the read deadline (15 s) applies, not the idle timeout.
    RawConnection started(server.port());
    started.send("GET /healthz HTTP/1.1\r\n");
    std::this_thread::sleep_for(1500ms);
    started.send("Host: 127.0.0.1\r\n\r\n");
    BOOST_TEST(started.read(10s, "{\"status\":\"ok\"}").starts_with("HTTP/1.1 200"));
    BOOST_TEST(server.stop() == 0);
}

BOOST_AUTO_TEST_SUITE_END()
