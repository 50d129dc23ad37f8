// SIGTERM with connections in every state: idle keep-alive, half-sent request, a request
// still running past the shutdown grace: the gateway exits 0. A plugin call that blocks a
// worker is abandoned after a bound: logged, journal flushed, exit code 70.

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/test/unit_test.hpp>
#include <future>
#include <thread>

#include "tests/support/demo_customer.hpp"
#include "tests/support/journal_reader.hpp"
#include "tests/support/server_process.hpp"
#include "tests/support/store_state.hpp"

using namespace ehall::test;

namespace {

// Calls the faulty plugin has started, from its own table in the store (0 before the
// plugin has made it).
int faulty_calls(const ServerProcess& server) {
    try {
        return static_cast<int>(store_scalar(server, "SELECT count(*) FROM faulty_calls"));
    } catch (const std::runtime_error&) {  // StoreError: no such table yet
        return 0;
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(graceful_shutdown)

BOOST_AUTO_TEST_CASE(idle_and_half_sent_connections_do_not_hold_shutdown) {
    ServerProcess server("shutdown-idle");
    BOOST_REQUIRE(server.start(demo_config()));
    HttpClient idle(server.port());
    BOOST_REQUIRE(idle.get("/healthz").status == 200u);  // kept alive, then idle
    boost::asio::io_context io;
    boost::asio::ip::tcp::socket half_sent(io);
    half_sent.connect({boost::asio::ip::make_address("127.0.0.1"), server.port()});
    boost::asio::write(
        half_sent, boost::asio::buffer(std::string("POST /api/v1/login HTTP/1.1\r\nHost: x\r\n")));
    const auto started = std::chrono::steady_clock::now();
    BOOST_TEST(server.stop() == 0);
    // Well inside the read timeout (15 s) and the shutdown grace (10 s).
    const bool prompt = std::chrono::steady_clock::now() - started < std::chrono::seconds(8);
    BOOST_TEST(prompt);
}

BOOST_AUTO_TEST_CASE(a_request_running_past_the_grace_is_cut_off_cleanly) {
    auto config = demo_config({"faulty"});
    config["gateway"]["shutdown_grace_ms"] = 200;
    ServerProcess server("shutdown-grace");
    BOOST_REQUIRE(server.start(config));
    auto slow = std::async(std::launch::async, [port = server.port()] {
        try {
            HttpClient client(port, std::chrono::seconds(20));
            return client.post("/api/v1/services/faulty/slow", {{"ms", 1500}}).status;
        } catch (const std::exception&) {
            return 0u;
        }
    });
    // Stop once the slow call is running inside the plugin.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (faulty_calls(server) == 0 && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    BOOST_REQUIRE(faulty_calls(server) == 1);
    BOOST_TEST(server.stop() == 0);
    BOOST_TEST(server.stderr_text().find("after the grace") != std::string::npos,
               server.stderr_text());
    slow.wait();
}

BOOST_AUTO_TEST_CASE(a_plugin_call_that_does_not_return_is_abandoned_within_a_bound) {
    auto config = demo_config({"faulty"});
    config["gateway"]["shutdown_grace_ms"] = 200;
    config["plugins"]["timeouts_ms"] = {{"faulty.slow", 500}};
    config["plugins"]["default_timeout_ms"] = 500;
    // A minute between flushes: the journal's rows below come from the shutdown flush.
    config["journal"] = {{"flush_interval_ms", 60000}};
    ServerProcess server("shutdown-stuck");
    BOOST_REQUIRE(server.start(config));
    HttpClient client(server.port(), std::chrono::seconds(20));
    auto stuck = client.post("/api/v1/services/faulty/slow", {{"ms", 60000}},
                             {{"X-Request-Id", "it-stuck-call"}});
    BOOST_TEST(stuck.status == 504u);  // the client has its answer; the call blocks a worker
    BOOST_REQUIRE(faulty_calls(server) == 1);

    const auto started = std::chrono::steady_clock::now();
    BOOST_TEST(server.stop() == 70);
    // Grace (0.2 s) + the longest plugin timeout (0.5 s) + 1 s, far from the call's 60 s.
    const auto took = std::chrono::steady_clock::now() - started;
    BOOST_TEST(took < std::chrono::seconds(8));
    const std::string log = server.stderr_text();
    BOOST_TEST(log.find("abandoned faulty.slow (request it-stuck-call)") != std::string::npos, log);
    const auto rows = read_interactions(server);
    const auto* row = find_by_request_id(rows, "it-stuck-call");
    BOOST_REQUIRE(row != nullptr);
    BOOST_TEST((*row)["code"] == "timeout");
}

BOOST_AUTO_TEST_SUITE_END()
