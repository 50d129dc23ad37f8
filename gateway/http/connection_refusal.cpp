#include "gateway/http/connection_refusal.hpp"

#include <array>
#include <boost/asio/write.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <memory>
#include <string>

namespace ehall {

namespace {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

constexpr std::string_view refusal_body =
    R"({"code":"too_many_connections","message":"too many connections from this address",)"
    R"("status":"error"})";

// Enough for a request's headers; a client sending more is not waited for.
constexpr std::size_t drain_limit = 16 * 1024;
using Sink = std::array<char, 1024>;

// Reads and discards what has arrived without waiting; the error that stopped it
// (would_block: nothing more yet).
boost::beast::error_code drain_now(tcp::socket& socket, std::size_t& drained) {
    boost::beast::error_code ec;
    Sink sink;
    while (!ec && drained < drain_limit)
        drained += socket.read_some(asio::buffer(sink), ec);
    return ec;
}

// The part of a refusal that has to wait for the client, under one deadline.
class RefusedConnection : public std::enable_shared_from_this<RefusedConnection> {
  public:
    RefusedConnection(tcp::socket socket, std::size_t written, std::size_t drained)
        : stream_(std::move(socket)), written_(written), drained_(drained) {}

    void start(std::chrono::milliseconds linger) {
        stream_.expires_after(linger);
        if (written_ == connection_refusal_reply().size())
            return drain();
        asio::async_write(stream_, asio::buffer(connection_refusal_reply().substr(written_)),
                          [self = shared_from_this()](boost::beast::error_code ec, std::size_t) {
                              if (ec)
                                  return self->stream_.close();
                              self->stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
                              self->drain();
                          });
    }

  private:
    void drain() {
        stream_.async_read_some(
            asio::buffer(sink_),
            [self = shared_from_this()](boost::beast::error_code ec, std::size_t bytes) {
                self->drained_ += bytes;
                if (ec || self->drained_ >= drain_limit)
                    return self->stream_.close();
                self->drain();
            });
    }

    boost::beast::tcp_stream stream_;
    std::size_t written_;
    std::size_t drained_;
    Sink sink_;
};

}  // namespace

std::string_view connection_refusal_reply() {
    static const std::string reply = [] {
        std::string text(
            "HTTP/1.1 503 Service Unavailable\r\n"
            "Content-Type: application/json\r\n"
            "Cache-Control: no-store\r\n"
            "Retry-After: 5\r\n"
            "Connection: close\r\n"
            "Content-Length: ");
        text.append(std::to_string(refusal_body.size())).append("\r\n\r\n");
        text.append(refusal_body);
        return text;
    }();
    return reply;
}

void refuse_connection(tcp::socket socket, std::chrono::milliseconds linger) {
    // The reply fits a fresh socket's send buffer, and a client that sent its request and
    // closed has everything here already: those refusals end without an async step.
    boost::beast::error_code ec;
    socket.non_blocking(true, ec);
    const std::string_view reply = connection_refusal_reply();
    const std::size_t written = ec ? 0 : socket.write_some(asio::buffer(reply), ec);
    std::size_t drained = 0;
    if (!ec && written == reply.size()) {
        socket.shutdown(tcp::socket::shutdown_send, ec);
        ec = drain_now(socket, drained);
    }
    if ((ec && ec != asio::error::would_block) || drained >= drain_limit)
        return socket.close(ec);  // done: the client closed, is gone or sent too much
    std::make_shared<RefusedConnection>(std::move(socket), written, drained)->start(linger);
}

}  // namespace ehall
