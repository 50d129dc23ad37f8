#include "gateway/cli/admin_client.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/url/parse.hpp>
#include <stdexcept>

namespace ehall {

namespace beast = boost::beast;
namespace http = beast::http;
namespace asio = boost::asio;

AdminReply call_admin_api(const std::string& base_url, const std::string& token,
                          const std::string& method, const std::string& path,
                          const nlohmann::json& body) {
    auto url = boost::urls::parse_uri(base_url);
    if (!url || url->scheme() != "http" || url->host().empty()) {
        throw std::runtime_error("invalid gateway URL '" + base_url +
                                 "' (expected http://host:port)");
    }
    std::string host = url->host();
    std::string port = url->has_port() ? std::string(url->port()) : "80";
    asio::io_context io;
    asio::ip::tcp::resolver resolver(io);
    beast::tcp_stream stream(io);
    stream.expires_after(std::chrono::seconds(30));
    beast::error_code ec;
    auto endpoints = resolver.resolve(host, port, ec);
    if (!ec)
        stream.connect(endpoints, ec);
    if (ec)
        throw std::runtime_error("cannot reach the gateway at " + base_url + ": " + ec.message());

    http::request<http::string_body> request{http::string_to_verb(method), path, 11};
    request.set(http::field::host, host);
    request.set(http::field::authorization, "Bearer " + token);
    if (!body.is_null()) {
        request.set(http::field::content_type, "application/json");
        request.body() = body.dump();
    }
    request.prepare_payload();
    http::write(stream, request);
    beast::flat_buffer buffer;
    http::response<http::string_body> response;
    http::read(stream, buffer, response);
    stream.socket().shutdown(asio::ip::tcp::socket::shutdown_both, ec);

    AdminReply reply;
    reply.status = response.result_int();
    reply.body = nlohmann::json::parse(response.body(), nullptr, false);
    if (reply.body.is_discarded())
        reply.body = response.body();
    return reply;
}

}  // namespace ehall
