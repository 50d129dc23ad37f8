// Failover (issue 25): card payments with idempotency keys through nginx in front of two
// instances on one PostgreSQL database, one instance killed with SIGKILL mid-load. Every
// acknowledged payment is in the database exactly once, a retried key is never charged
// twice, and the surviving instance's journal holds every request it acknowledged.
#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <mutex>
#include <sstream>
#include <thread>

#include "tests/support/demo_customer.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/journal_reader.hpp"
#include "tests/support/server_process.hpp"
#include "tests/support/store_state.hpp"
#include "tests/support/test_database.hpp"

using namespace ehall::test;
using Clock = std::chrono::steady_clock;

namespace {

std::uint16_t free_port() {
    boost::asio::io_context io;
    boost::asio::ip::tcp::acceptor acceptor(
        io, {boost::asio::ip::make_address("127.0.0.1"), std::uint16_t{0}});
    return acceptor.local_endpoint().port();
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

// Debian's nginx with config/cluster/nginx.conf, in front of `a` and `b`, until destroyed.
class Nginx {
  public:
    Nginx(const std::filesystem::path& dir, std::uint16_t a, std::uint16_t b)
        : dir_(dir), port_(free_port()) {
        std::filesystem::create_directories(dir_);
        std::ifstream in(std::string(EHALL_SOURCE_DIR) + "/config/cluster/nginx.conf");
        std::stringstream text;
        text << in.rdbuf();
        std::string config = replaced(text.str(), "@LISTEN@", "127.0.0.1:" + std::to_string(port_));
        config = replaced(config, "@DIR@", dir_.string());
        config = replaced(config, "@A@", "127.0.0.1:" + std::to_string(a));
        config = replaced(config, "@B@", "127.0.0.1:" + std::to_string(b));
        std::ofstream(dir_ / "nginx.conf") << config;
        started_ = std::system(command("").c_str()) == 0;
    }
    ~Nginx() {
        if (started_)
            std::system(command("-s stop").c_str());
    }
    bool started() const { return started_; }
    std::uint16_t port() const { return port_; }

  private:
    std::string command(const std::string& signal) const {
        return "nginx " + signal + " -c " + (dir_ / "nginx.conf").string() + " -p " +
               dir_.string() + " 2>>" + (dir_ / "start.log").string();
    }
    std::filesystem::path dir_;
    std::uint16_t port_;
    bool started_ = false;
};

struct Attempt {
    std::string key;
    std::int64_t amount_fen = 0;
    Clock::time_point sent_at{};
    bool acked = false;
    Clock::time_point acked_at{};
    std::int64_t payment_id = -1;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(failover, *postgres_only())

BOOST_AUTO_TEST_CASE(payments_through_nginx_survive_an_instance_killed) {
    ServerProcess a("failover-a");
    ServerProcess b("failover-b", &a);
    BOOST_REQUIRE(a.start(demo_config()));
    BOOST_REQUIRE(b.start(demo_config()));
    Nginx nginx(a.dir() / "nginx", a.port(), b.port());
    BOOST_REQUIRE(nginx.started());
    HttpClient login_client(nginx.port());
    const auto token = demo_token(login_client);
    BOOST_REQUIRE(!token.empty());

    std::mutex attempts_mutex;
    std::vector<Attempt> attempts;
    std::atomic<bool> stop{false};
    auto pay = [&](HttpClient& client, Attempt& attempt) {
        attempt.sent_at = Clock::now();
        auto answer = client.post(
            "/api/v1/services/billing/pay",
            {{"amount_fen", attempt.amount_fen}, {"method", "card"}},
            with(with(bearer(token), "Idempotency-Key", attempt.key), "X-Request-Id", attempt.key));
        const auto body = answer.json();
        if (answer.status == 200u && body.value("status", "") == "ok") {
            attempt.acked = true;
            attempt.acked_at = Clock::now();
            attempt.payment_id = body["data"].value("payment_id", std::int64_t{-1});
        }
    };
    std::vector<std::thread> clients;
    for (int c = 0; c < 6; ++c) {
        clients.emplace_back([&, c] {
            auto client = std::make_unique<HttpClient>(nginx.port());
            for (int seq = 1; !stop; ++seq) {
                Attempt attempt{.key = "failover-c" + std::to_string(c) + "-" + std::to_string(seq),
                                .amount_fen = seq % 97 + 1};
                try {
                    pay(*client, attempt);
                } catch (const std::exception&) {
                    client = std::make_unique<HttpClient>(nginx.port());  // nginx closed it
                }
                std::lock_guard lock(attempts_mutex);
                attempts.push_back(attempt);
            }
        });
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    a.kill_now();
    const auto killed_at = Clock::now();
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    stop = true;
    for (auto& client : clients)
        client.join();

    std::size_t acked_before = 0, acked_after = 0;
    for (const auto& attempt : attempts)
        (attempt.acked_at < killed_at ? acked_before : acked_after) += attempt.acked ? 1 : 0;
    BOOST_TEST_MESSAGE(attempts.size() << " attempts, " << acked_before << " acknowledged before "
                                       << "the kill, " << acked_after << " after");
    BOOST_TEST(acked_before >= 10u);
    BOOST_TEST(acked_after >= 10u);

    // Every attempt again with its key, through nginx (now only b behind it): the
    // acknowledged ones are replays of the same payment, the others are taken now.
    HttpClient retry(nginx.port());
    for (auto& attempt : attempts) {
        Attempt again = attempt;
        pay(retry, again);
        BOOST_TEST(again.acked, attempt.key);
        if (attempt.acked)
            BOOST_TEST(again.payment_id == attempt.payment_id, attempt.key);
    }
    const std::int64_t paid_rows =
        store_scalar(a, "SELECT count(*) FROM payments WHERE idempotency_key LIKE '%:failover-c%'");
    const std::int64_t distinct_keys = store_scalar(
        b,
        "SELECT count(DISTINCT idempotency_key) FROM payments WHERE idempotency_key LIKE "
        "'%:failover-c%'");
    BOOST_TEST(paid_rows == static_cast<std::int64_t>(attempts.size()));
    BOOST_TEST(distinct_keys == paid_rows);

    // b answered everything sent after the kill; stopped cleanly, its journal holds it all.
    BOOST_REQUIRE(b.stop() == 0);
    const auto journal = read_interactions(b);
    std::size_t missing = 0;
    for (const auto& attempt : attempts) {
        if (attempt.acked && attempt.sent_at > killed_at &&
            !find_by_request_id(journal, attempt.key))
            ++missing;
    }
    BOOST_TEST(missing == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
