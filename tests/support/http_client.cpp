#include "tests/support/http_client.hpp"

#include <array>
#include <boost/asio/ip/tcp.hpp>
#include <functional>
#include <stdexcept>

namespace ehall::test {

namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;

namespace {

bool same_name(std::string_view a, std::string_view b) {
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(a[i])) !=
            std::tolower(static_cast<unsigned char>(b[i]))) {
            return false;
        }
    }
    return true;
}

tcp::endpoint loopback(std::uint16_t port) {
    return {asio::ip::make_address("127.0.0.1"), port};
}

}  // namespace

std::string HttpResult::header(std::string_view name) const {
    for (const auto& [key, value] : headers) {
        if (same_name(key, name))
            return value;
    }
    return {};
}

nlohmann::json HttpResult::json() const {
    return nlohmann::json::parse(body, nullptr, false);
}

HttpClient::HttpClient(std::uint16_t port, std::chrono::milliseconds timeout)
    : port_(port), timeout_(timeout) {}

HttpClient::~HttpClient() {
    close();
}

void HttpClient::connect() {
    stream_.emplace(io_);
    stream_->expires_after(timeout_);
    if (!source_address_.empty()) {
        stream_->socket().open(boost::asio::ip::tcp::v4());
        stream_->socket().bind({boost::asio::ip::make_address(source_address_), 0});
    }
    stream_->connect(loopback(port_));
    buffer_.clear();
    ++connections_;
}

void HttpClient::close() {
    if (!stream_)
        return;
    beast::error_code ec;
    stream_->socket().shutdown(tcp::socket::shutdown_both, ec);
    stream_->close();
    stream_.reset();
}

HttpResult HttpClient::request(http::verb method, const std::string& target,
                               const std::string& body, const Headers& headers) {
    if (!stream_)
        connect();
    http::request<http::string_body> req{method, target, 11};
    req.set(http::field::host, "127.0.0.1:" + std::to_string(port_));
    req.set(http::field::user_agent, "ehall-integration-tests");
    req.keep_alive(true);  // a test's own Connection header, set below, wins
    for (const auto& [name, value] : headers)
        req.set(name, value);
    req.body() = body;
    if (!body.empty() || method == http::verb::post)
        req.prepare_payload();

    http::response_parser<http::string_body> parser;
    parser.body_limit(64 * 1024 * 1024);
    beast::error_code failure;
    // Sync Beast calls have no deadline; async ones on a tcp_stream do, so run them here.
    stream_->expires_after(timeout_);
    http::async_write(*stream_, req, [&](beast::error_code ec, std::size_t) {
        if (ec) {
            failure = ec;
            return;
        }
        http::async_read(*stream_, buffer_, parser,
                         [&](beast::error_code read_ec, std::size_t) { failure = read_ec; });
    });
    io_.restart();
    io_.run();
    if (failure) {
        close();
        throw std::runtime_error(std::string(http::to_string(method)) + " " + target + ": " +
                                 failure.message());
    }
    auto response = parser.release();
    HttpResult result;
    result.status = response.result_int();
    for (const auto& field : response) {
        result.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    }
    result.body = std::move(response.body());
    if (!response.keep_alive())
        close();
    return result;
}

RawResult raw_exchange(std::uint16_t port, const std::string& bytes,
                       std::chrono::milliseconds timeout) {
    asio::io_context io;
    beast::tcp_stream stream(io);
    stream.expires_after(timeout);
    stream.connect(loopback(port));

    RawResult result;
    // Writing and reading at once: the server may answer (and close) before it has read
    // everything we send, and the answer is what the test wants.
    asio::async_write(stream, asio::buffer(bytes), [](beast::error_code, std::size_t) {});
    std::array<char, 16 * 1024> chunk;
    std::function<void()> read_more = [&] {
        stream.async_read_some(asio::buffer(chunk), [&](beast::error_code ec, std::size_t n) {
            result.text.append(chunk.data(), n);
            if (ec) {
                stream.close();  // also ends a write the server no longer reads
                return;
            }
            read_more();
        });
    };
    read_more();
    io.run();

    constexpr std::string_view prefix = "HTTP/1.1 ";
    if (result.text.size() >= prefix.size() + 3 && result.text.starts_with(prefix)) {
        result.status = static_cast<unsigned>(std::stoul(result.text.substr(prefix.size(), 3)));
    }
    return result;
}

}  // namespace ehall::test
