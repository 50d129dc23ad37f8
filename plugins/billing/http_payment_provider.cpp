#include "http_payment_provider.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <charconv>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <type_traits>

namespace ehall::billing {

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

constexpr std::size_t response_body_limit = 64 * 1024;

[[noreturn]] void bad_url(const std::string& why) {
    throw std::invalid_argument("key 'payment_url': " + why);
}

bool valid_port(const std::string& text) {
    unsigned port = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), port);
    return !text.empty() && ec == std::errc() && end == text.data() + text.size() && port > 0 &&
           port <= 65535;
}

using TlsStream = beast::ssl_stream<beast::tcp_stream>;

// What one exchange with the acquirer came to.
struct Exchange {
    bool finished = false;    // every step completed, successfully or not
    bool handshaken = false;  // TLS only: the certificate verified, the session is up
    bool sent = false;        // the request was written: the acquirer may have seen it
    beast::error_code error;
    http::response<http::string_body> response;
};

// Resolve, connect, (TLS handshake,) write, read, on `stream`, whose lowest layer's deadline
// is already set; `exchange` says how far it got.
template <class Stream>
void start_exchange(tcp::resolver& resolver, Stream& stream, const std::string& host,
                    const std::string& port, http::request<http::string_body>& message,
                    beast::flat_buffer& buffer, http::response_parser<http::string_body>& parser,
                    Exchange& exchange) {
    auto finish = [&exchange](beast::error_code ec) {
        exchange.error = ec;
        exchange.finished = true;
    };
    auto write_and_read = [&, finish] {
        http::async_write(stream, message, [&, finish](beast::error_code ec, std::size_t) {
            if (ec)
                return finish(ec);
            exchange.sent = true;
            http::async_read(stream, buffer, parser,
                             [&, finish](beast::error_code ec, std::size_t) {
                                 if (!ec)
                                     exchange.response = parser.release();
                                 finish(ec);
                             });
        });
    };
    resolver.async_resolve(
        host, port,
        [&, finish, write_and_read](beast::error_code ec, tcp::resolver::results_type hosts) {
            if (ec)
                return finish(ec);
            beast::get_lowest_layer(stream).async_connect(
                hosts, [&, finish, write_and_read](beast::error_code ec, const tcp::endpoint&) {
                    if (ec)
                        return finish(ec);
                    if constexpr (std::is_same_v<Stream, TlsStream>) {
                        stream.async_handshake(asio::ssl::stream_base::client,
                                               [&, finish, write_and_read](beast::error_code ec) {
                                                   if (ec)
                                                       return finish(ec);
                                                   exchange.handshaken = true;
                                                   write_and_read();
                                               });
                    } else {
                        write_and_read();
                    }
                });
        });
}

ChargeOutcome judge(const Exchange& exchange, bool tls, std::chrono::milliseconds timeout) {
    if (!exchange.finished || exchange.error == beast::error::timeout) {
        return ChargeOutcome::fail("the payment provider did not answer within " +
                                   std::to_string(timeout.count()) +
                                   " ms; retry with the same Idempotency-Key");
    }
    if (exchange.error && tls && !exchange.handshaken &&
        exchange.error.category() == asio::error::get_ssl_category()) {
        return ChargeOutcome::fail("the payment provider's TLS certificate did not verify");
    }
    if (exchange.error) {
        return ChargeOutcome::fail(exchange.sent ? "the payment provider connection failed"
                                                 : "the payment provider is unreachable");
    }
    if (exchange.response.result() != http::status::ok) {
        return ChargeOutcome::fail("the payment provider answered HTTP " +
                                   std::to_string(exchange.response.result_int()));
    }
    auto body = nlohmann::json::parse(exchange.response.body(), nullptr, false);
    if (body.is_object()) {
        auto approved = body.find("approved");
        auto reference = body.find("reference");
        if (approved != body.end() && approved->is_boolean()) {
            if (!approved->get<bool>())
                return ChargeOutcome::decline("card declined by the bank");
            if (reference != body.end() && reference->is_string() &&
                !reference->get<std::string>().empty()) {
                return ChargeOutcome::approve(reference->get<std::string>());
            }
        }
    }
    return ChargeOutcome::fail("the payment provider answered with an unreadable result");
}

// A client context that verifies the peer against the system's CAs or those in `ca_file`.
asio::ssl::context trusting_context(const std::string& ca_file) {
    asio::ssl::context context(asio::ssl::context::tls_client);
    context.set_verify_mode(asio::ssl::verify_peer);
    beast::error_code ec;
    if (ca_file.empty())
        context.set_default_verify_paths(ec);
    else
        context.load_verify_file(ca_file, ec);
    if (ec) {
        throw std::invalid_argument(ca_file.empty()
                                        ? "the system's CA certificates: " + ec.message()
                                        : "key 'payment_ca_file': cannot load " + ca_file + ": " +
                                              ec.message());
    }
    return context;
}

}  // namespace

HttpPaymentProvider::HttpPaymentProvider(const std::string& url, std::chrono::milliseconds timeout,
                                         const std::string& ca_file)
    : timeout_(timeout) {
    const bool https = url.starts_with("https://");
    if (!https && !url.starts_with("http://"))
        bad_url("expected http://host[:port]/path or https://host[:port]/path");
    const std::string rest = url.substr(https ? 8 : 7);
    const auto slash = rest.find('/');
    const std::string authority = rest.substr(0, slash);
    target_ = slash == std::string::npos ? "/" : rest.substr(slash);
    if (authority.find('@') != std::string::npos)
        bad_url("credentials in the URL are not supported");
    port_ = https ? "443" : "80";
    if (authority.starts_with('[')) {  // [IPv6]:port
        const auto close = authority.find(']');
        if (close == std::string::npos)
            bad_url("unbalanced '[' in the host");
        host_ = authority.substr(1, close - 1);
        if (close + 1 < authority.size()) {
            if (authority[close + 1] != ':')
                bad_url("expected ':' after the IPv6 host");
            port_ = authority.substr(close + 2);
        }
    } else {
        const auto colon = authority.find(':');
        host_ = authority.substr(0, colon);
        if (colon != std::string::npos)
            port_ = authority.substr(colon + 1);
    }
    if (host_.empty())
        bad_url("no host");
    if (!valid_port(port_))
        bad_url("the port must be 1-65535");
    if (https)
        tls_.emplace(trusting_context(ca_file));
    else if (!ca_file.empty())
        throw std::invalid_argument("key 'payment_ca_file': only for an https payment_url");
}

ChargeOutcome HttpPaymentProvider::charge(const ChargeRequest& request) {
    http::request<http::string_body> message{http::verb::post, target_, 11};
    message.set(http::field::host, host_ + ":" + port_);
    message.set(http::field::content_type, "application/json");
    message.set(http::field::user_agent, "ehall-billing");
    message.set("Idempotency-Key", request.idempotency_key);
    message.keep_alive(false);
    message.body() = nlohmann::json{
        {"msisdn", request.msisdn},
        {"amount_fen", request.amount_fen},
        {"idempotency_key", request.idempotency_key},
        {"card",
         request.card}}.dump();
    message.prepare_payload();

    // Async steps on a private io_context: the stream's deadline covers connect, handshake,
    // write and read together, and run_for() bounds name resolution, which it does not.
    asio::io_context io;
    tcp::resolver resolver(io);
    beast::flat_buffer buffer;
    http::response_parser<http::string_body> parser;
    parser.body_limit(response_body_limit);
    Exchange exchange;
    if (tls_) {
        TlsStream stream(io, *tls_);
        // SNI (for a name, not an address), and the name the certificate must carry.
        beast::error_code not_an_address;
        asio::ip::make_address(host_, not_an_address);
        if (not_an_address)
            SSL_set_tlsext_host_name(stream.native_handle(), host_.c_str());
        stream.set_verify_callback(asio::ssl::host_name_verification(host_));
        beast::get_lowest_layer(stream).expires_after(timeout_);
        start_exchange(resolver, stream, host_, port_, message, buffer, parser, exchange);
        io.run_for(timeout_);
    } else {
        beast::tcp_stream stream(io);
        stream.expires_after(timeout_);
        start_exchange(resolver, stream, host_, port_, message, buffer, parser, exchange);
        io.run_for(timeout_);
    }
    return judge(exchange, tls_.has_value(), timeout_);
}

}  // namespace ehall::billing
