// billing.pay through HttpPaymentProvider, against a real acquirer stand-in: a Beast HTTP
// server on 127.0.0.1:0 in its own thread that approves, declines, fails or never answers.
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <boost/test/unit_test.hpp>
#include <mutex>
#include <thread>

#include "tests/plugin_tests/card_payment.hpp"
#include "tests/plugin_tests/plugin_harness.hpp"

using ehall::ServiceResult;
using ehall::test::demo_balance;
using ehall::test::pay_by_card;
using ehall::test::PluginHarness;

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

class FakeAcquirer {
  public:
    enum class Mode { approve, decline, server_error, hang };

    FakeAcquirer() : acceptor_(io_, {asio::ip::make_address("127.0.0.1"), 0}) {
        accept();
        thread_ = std::thread([this] { io_.run(); });
    }
    ~FakeAcquirer() {
        io_.stop();
        thread_.join();
    }

    std::uint16_t port() const { return acceptor_.local_endpoint().port(); }
    void set_mode(Mode mode) { mode_ = mode; }
    std::vector<nlohmann::json> requests() {
        std::lock_guard lock(mutex_);
        return requests_;
    }

  private:
    struct Connection {
        explicit Connection(tcp::socket s) : socket(std::move(s)) {}
        tcp::socket socket;
        beast::flat_buffer buffer;
        http::request<http::string_body> request;
        http::response<http::string_body> response;
    };

    void accept() {
        acceptor_.async_accept([this](beast::error_code ec, tcp::socket socket) {
            if (ec)
                return;
            auto c = std::make_shared<Connection>(std::move(socket));
            http::async_read(c->socket, c->buffer, c->request,
                             [this, c](beast::error_code ec, std::size_t) {
                                 if (!ec)
                                     answer(c);
                             });
            accept();
        });
    }

    void answer(const std::shared_ptr<Connection>& c) {
        auto body = nlohmann::json::parse(c->request.body(), nullptr, false);
        body["idempotency_header"] = std::string(c->request["Idempotency-Key"]);
        {
            std::lock_guard lock(mutex_);
            requests_.push_back(std::move(body));
        }
        const Mode mode = mode_;
        if (mode == Mode::hang) {
            held_.push_back(c);  // open and silent until the acquirer stops
            return;
        }
        c->response.version(11);
        c->response.result(mode == Mode::server_error ? http::status::internal_server_error
                                                      : http::status::ok);
        c->response.body() = mode == Mode::approve ? R"({"approved":true,"reference":"ACQ-42"})"
                             : mode == Mode::decline
                                 ? R"({"approved":false,"reason":"insufficient funds"})"
                                 : "oops";
        c->response.prepare_payload();
        http::async_write(c->socket, c->response, [c](beast::error_code, std::size_t) {
            beast::error_code ignored;
            c->socket.shutdown(tcp::socket::shutdown_both, ignored);
        });
    }

    asio::io_context io_;
    tcp::acceptor acceptor_;
    std::thread thread_;
    std::atomic<Mode> mode_ = Mode::approve;
    std::mutex mutex_;
    std::vector<nlohmann::json> requests_;
    std::vector<std::shared_ptr<Connection>> held_;  // only touched on the server thread
};

nlohmann::json http_config(std::uint16_t port) {
    return {{"payment_provider", "http"},
            {"payment_url", "http://127.0.0.1:" + std::to_string(port) + "/charge"},
            {"payment_timeout_ms", 300}};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(billing_http_provider)

BOOST_AUTO_TEST_CASE(the_acquirer_decides_and_failures_change_nothing) {
    FakeAcquirer acquirer;
    PluginHarness billing("billing", http_config(acquirer.port()));

    auto approved = pay_by_card(billing, 2000, "http-approve");
    BOOST_TEST_REQUIRE(approved.code == "ok", approved.message);
    BOOST_TEST(approved.data["reference"] == "ACQ-42");
    BOOST_TEST(demo_balance(billing) == 7860);
    auto sent = acquirer.requests();
    BOOST_TEST_REQUIRE(sent.size() == 1u);
    BOOST_TEST(sent[0]["msisdn"] == "13800138000");
    BOOST_TEST(sent[0]["amount_fen"] == 2000);
    BOOST_TEST(sent[0]["idempotency_key"] == "13800138000:http-approve");
    BOOST_TEST(sent[0]["idempotency_header"] == "13800138000:http-approve");
    BOOST_TEST(sent[0]["card"] == "6222****1234");
    // A replay is answered from the store: the acquirer is not asked again.
    BOOST_TEST(pay_by_card(billing, 2000, "http-approve").data["replayed"] == true);
    BOOST_TEST(acquirer.requests().size() == 1u);

    acquirer.set_mode(FakeAcquirer::Mode::decline);
    auto declined = pay_by_card(billing, 2000, "http-decline");
    BOOST_TEST(declined.code == "payment_failed");
    BOOST_TEST(declined.message == "card declined by the bank");

    acquirer.set_mode(FakeAcquirer::Mode::server_error);
    auto failed = pay_by_card(billing, 2000, "http-error");
    BOOST_TEST(failed.code == "payment_failed");
    BOOST_TEST(failed.message.find("HTTP 500") != std::string::npos, failed.message);

    acquirer.set_mode(FakeAcquirer::Mode::hang);
    const auto started = std::chrono::steady_clock::now();
    auto silent = pay_by_card(billing, 2000, "http-hang");
    const auto waited = std::chrono::steady_clock::now() - started;
    BOOST_TEST(silent.code == "payment_failed");
    BOOST_TEST(silent.message.find("did not answer within 300 ms") != std::string::npos,
               silent.message);
    BOOST_TEST(waited >= std::chrono::milliseconds(250));
    BOOST_TEST(waited < std::chrono::seconds(5));  // bounded by the timeout, not by the server

    BOOST_TEST(acquirer.requests().size() == 4u);
    BOOST_TEST(demo_balance(billing) == 7860);
    BOOST_TEST(billing.scalar("SELECT count(*) AS value FROM payments") == 1);
}

BOOST_AUTO_TEST_CASE(an_unreachable_acquirer_is_a_failed_payment) {
    std::uint16_t closed_port = 0;
    {
        asio::io_context io;
        tcp::acceptor probe(io, {asio::ip::make_address("127.0.0.1"), 0});
        closed_port = probe.local_endpoint().port();
    }
    PluginHarness billing("billing", http_config(closed_port));
    auto result = pay_by_card(billing, 2000, "http-unreachable");
    BOOST_TEST(result.code == "payment_failed");
    BOOST_TEST(demo_balance(billing) == 5860);
}

BOOST_AUTO_TEST_SUITE_END()
