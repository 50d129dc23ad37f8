#include "plugins/billing/http_payment_provider.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <charconv>
#include <nlohmann/json.hpp>
#include <stdexcept>

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

// What one exchange with the acquirer came to.
struct Exchange {
    bool finished = false;  // every step completed, successfully or not
    bool sent = false;      // the request was written: the acquirer may have seen it
    beast::error_code error;
    http::response<http::string_body> response;
};

ChargeOutcome judge(const Exchange& exchange, std::chrono::milliseconds timeout) {
    if (!exchange.finished || exchange.error == beast::error::timeout) {
        return ChargeOutcome::fail("the payment provider did not answer within " +
                                   std::to_string(timeout.count()) +
                                   " ms; retry with the same Idempotency-Key");
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

}  // namespace

HttpPaymentProvider::HttpPaymentProvider(const std::string& url, std::chrono::milliseconds timeout)
    : timeout_(timeout) {
    constexpr std::string_view scheme = "http://";
    if (!url.starts_with(scheme))
        bad_url("expected http://host[:port]/path (https is not supported)");
    const std::string rest = url.substr(scheme.size());
    const auto slash = rest.find('/');
    const std::string authority = rest.substr(0, slash);
    target_ = slash == std::string::npos ? "/" : rest.substr(slash);
    if (authority.find('@') != std::string::npos)
        bad_url("credentials in the URL are not supported");
    port_ = "80";
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

    // Async steps on a private io_context: the stream's deadline covers connect, write and
    // read together, and run_for() bounds name resolution, which the stream does not.
    asio::io_context io;
    tcp::resolver resolver(io);
    beast::tcp_stream stream(io);
    beast::flat_buffer buffer;
    http::response_parser<http::string_body> parser;
    parser.body_limit(response_body_limit);
    Exchange exchange;
    auto finish = [&](beast::error_code ec) {
        exchange.error = ec;
        exchange.finished = true;
    };
    stream.expires_after(timeout_);
    resolver.async_resolve(
        host_, port_, [&](beast::error_code ec, tcp::resolver::results_type hosts) {
            if (ec)
                return finish(ec);
            stream.async_connect(hosts, [&](beast::error_code ec, const tcp::endpoint&) {
                if (ec)
                    return finish(ec);
                http::async_write(stream, message, [&](beast::error_code ec, std::size_t) {
                    if (ec)
                        return finish(ec);
                    exchange.sent = true;
                    http::async_read(stream, buffer, parser,
                                     [&](beast::error_code ec, std::size_t) {
                                         if (!ec)
                                             exchange.response = parser.release();
                                         finish(ec);
                                     });
                });
            });
        });
    io.run_for(timeout_);
    return judge(exchange, timeout_);
}

}  // namespace ehall::billing
