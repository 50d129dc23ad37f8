// billing.pay through HttpPaymentProvider over HTTPS, against a TLS acquirer stand-in whose
// certificate is signed by a CA made for the test (openssl CLI): the certificate chain and
// host name are verified, and a certificate that does not verify is a failed payment that
// never reaches the acquirer.
#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <filesystem>
#include <random>
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
namespace fs = std::filesystem;
using tcp = asio::ip::tcp;

// A CA and a server certificate for DNS:localhost (not for 127.0.0.1), in a temp directory.
struct TestPki {
    fs::path dir;
    TestPki() {
        std::random_device random;
        dir = fs::temp_directory_path() / ("ehall-pki-" + std::to_string(random()));
        fs::create_directories(dir);
        const std::string d = dir.string();
        const std::string key = " -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes";
        const std::string script =
            "cd '" + d + "' && openssl req -x509" + key +
            " -keyout ca.key -out ca.pem -days 2 -subj '/CN=ehall test CA' && openssl req" + key +
            " -keyout server.key -out server.csr -subj '/CN=localhost' && "
            "printf 'subjectAltName=DNS:localhost\\n' > san.cnf && openssl x509 -req -in "
            "server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 2 "
            "-extfile san.cnf";
        BOOST_REQUIRE_MESSAGE(std::system(("(" + script + ") >/dev/null 2>&1").c_str()) == 0,
                              "openssl could not make the test certificates");
    }
    ~TestPki() {
        std::error_code ignored;
        fs::remove_all(dir, ignored);
    }
    std::string ca() const { return (dir / "ca.pem").string(); }
};

// Answers every request with an approval, one connection at a time, on its own thread.
class TlsAcquirer {
  public:
    explicit TlsAcquirer(const TestPki& pki)
        : tls_(asio::ssl::context::tls_server),
          acceptor_(io_, {asio::ip::make_address("127.0.0.1"), 0}) {
        tls_.use_certificate_chain_file((pki.dir / "server.pem").string());
        tls_.use_private_key_file((pki.dir / "server.key").string(), asio::ssl::context::pem);
        thread_ = std::thread([this] { serve(); });
    }
    ~TlsAcquirer() {
        stopping_ = true;
        beast::error_code ignored;
        tcp::socket wake(io_);
        wake.connect(acceptor_.local_endpoint(), ignored);  // ends the blocking accept
        thread_.join();
    }
    std::uint16_t port() const { return acceptor_.local_endpoint().port(); }
    int requests() const { return requests_; }

  private:
    void serve() {
        while (!stopping_) {
            tcp::socket socket(io_);
            beast::error_code ec;
            acceptor_.accept(socket, ec);
            if (ec || stopping_)
                continue;
            asio::ssl::stream<tcp::socket> stream(std::move(socket), tls_);
            stream.handshake(asio::ssl::stream_base::server, ec);
            if (ec)
                continue;  // the client refused the certificate
            beast::flat_buffer buffer;
            http::request<http::string_body> request;
            http::read(stream, buffer, request, ec);
            if (ec)
                continue;
            ++requests_;
            http::response<http::string_body> response{http::status::ok, 11};
            response.body() = R"({"approved":true,"reference":"ACQ-TLS-7"})";
            response.prepare_payload();
            http::write(stream, response, ec);
            stream.shutdown(ec);
        }
    }

    asio::io_context io_;
    asio::ssl::context tls_;
    tcp::acceptor acceptor_;
    std::atomic<bool> stopping_{false};
    std::atomic<int> requests_{0};
    std::thread thread_;
};

nlohmann::json https_config(const std::string& host, std::uint16_t port, const std::string& ca) {
    nlohmann::json config = {
        {"payment_provider", "http"},
        {"payment_url", "https://" + host + ":" + std::to_string(port) + "/charge"},
        {"payment_timeout_ms", 3000}};
    if (!ca.empty())
        config["payment_ca_file"] = ca;
    return config;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(billing_https_provider)

BOOST_AUTO_TEST_CASE(a_certificate_from_the_configured_ca_is_trusted) {
    TestPki pki;
    TlsAcquirer acquirer(pki);
    PluginHarness billing("billing", https_config("localhost", acquirer.port(), pki.ca()));
    auto approved = pay_by_card(billing, 2000, "https-approve");
    BOOST_TEST_REQUIRE(approved.code == "ok", approved.message);
    BOOST_TEST(approved.data["reference"] == "ACQ-TLS-7");
    BOOST_TEST(demo_balance(billing) == 7860);
    BOOST_TEST(acquirer.requests() == 1);
}

BOOST_AUTO_TEST_CASE(a_certificate_that_does_not_verify_is_a_failed_payment) {
    TestPki pki;
    TlsAcquirer acquirer(pki);
    // The system's CAs do not know the test CA.
    PluginHarness untrusted("billing", https_config("localhost", acquirer.port(), ""));
    auto refused = pay_by_card(untrusted, 2000, "https-untrusted");
    BOOST_TEST(refused.code == "payment_failed");
    BOOST_TEST(refused.message == "the payment provider's TLS certificate did not verify");
    BOOST_TEST(demo_balance(untrusted) == 5860);
    // A trusted CA, but the certificate names localhost, not 127.0.0.1.
    PluginHarness wrong_name("billing", https_config("127.0.0.1", acquirer.port(), pki.ca()));
    auto mismatch = pay_by_card(wrong_name, 2000, "https-wrong-name");
    BOOST_TEST(mismatch.code == "payment_failed");
    BOOST_TEST(mismatch.message == "the payment provider's TLS certificate did not verify");
    BOOST_TEST(acquirer.requests() == 0);
}

BOOST_AUTO_TEST_CASE(an_unreadable_ca_file_stops_the_plugin_naming_the_key) {
    auto config = https_config("localhost", 443, "/nonexistent/ca.pem");
    BOOST_CHECK_EXCEPTION(
        PluginHarness("billing", config), std::exception, [](const std::exception& e) {
            return std::string(e.what()).find("payment_ca_file") != std::string::npos;
        });
}

BOOST_AUTO_TEST_SUITE_END()
