#include "gateway/http/http_server.hpp"

#include <spdlog/spdlog.h>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/strand.hpp>

#include "gateway/http/connection_refusal.hpp"
#include "gateway/http/http_session.hpp"
#include "gateway/http/network_threads.hpp"

namespace ehall {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

namespace {

// How long a refused connection may take to receive its 503 and close.
constexpr std::chrono::milliseconds refusal_linger{1000};

}  // namespace

HttpServer::HttpServer(asio::io_context& io, Options options, const Router& router,
                       Metrics& metrics, NetworkThreads& network)
    : options_(std::move(options)),
      router_(router),
      cross_site_checks_(options_.allowed_origins),
      metrics_(metrics),
      acceptor_(asio::make_strand(io)),
      accept_retry_timer_(acceptor_.get_executor()),
      drain_timer_(acceptor_.get_executor()),
      access_logger_(spdlog::get("access")),
      sessions_(std::make_shared<SessionRegistry>(options_.max_connections_per_ip)),
      network_(network) {
    if (!access_logger_)
        access_logger_ = spdlog::default_logger();
}

HttpServer::~HttpServer() = default;

void HttpServer::start() {
    tcp::endpoint endpoint{asio::ip::make_address(options_.host), options_.port};
    acceptor_.open(endpoint.protocol());
    acceptor_.set_option(asio::socket_base::reuse_address(true));
    acceptor_.bind(endpoint);
    acceptor_.listen(asio::socket_base::max_listen_connections);
    port_ = acceptor_.local_endpoint().port();
    do_accept();
}

void HttpServer::do_accept() {
    acceptor_.async_accept(network_.next(),
                           [this](boost::beast::error_code ec, tcp::socket socket) {
                               on_accept(ec, std::move(socket));
                           });
}

void HttpServer::on_accept(boost::beast::error_code ec, tcp::socket socket) {
    if (stopping())
        return;
    if (ec) {
        // Out of descriptors or memory: say so and try again shortly rather than spin or
        // silently stop accepting.
        spdlog::warn("accept failed: {}; retrying in 100 ms", ec.message());
        accept_retry_timer_.expires_after(std::chrono::milliseconds(100));
        accept_retry_timer_.async_wait([this](boost::beast::error_code wait_ec) {
            if (!wait_ec && !stopping())
                do_accept();
        });
        return;
    }
    boost::beast::error_code option_ec;
    auto remote = socket.remote_endpoint(option_ec);
    std::string address = option_ec ? std::string() : remote.address().to_string();
    if (!sessions_->admit(address)) {
        // Over the per-IP cap: a fixed 503, before it costs a session.
        metrics_.set_gauge("ehall_connections_refused",
                           "connections refused at accept since start: over the per-IP cap",
                           static_cast<double>(++refused_connections_));
        refuse_connection(std::move(socket), refusal_linger);
        return do_accept();
    }
    socket.set_option(tcp::no_delay(true), option_ec);
    std::make_shared<HttpSession>(std::move(socket), std::move(address), *this)->start();
    do_accept();
}

void HttpServer::shutdown(std::chrono::milliseconds grace, std::function<void()> drained) {
    asio::dispatch(acceptor_.get_executor(), [this, grace, drained = std::move(drained)] {
        stopping_.store(true);
        boost::beast::error_code ec;
        acceptor_.close(ec);
        accept_retry_timer_.cancel();
        for (auto& session : sessions_->live())
            session->close_if_idle();
        wait_for_drain(std::chrono::steady_clock::now() + grace, drained);
    });
}

void HttpServer::wait_for_drain(std::chrono::steady_clock::time_point deadline,
                                std::function<void()> drained) {
    const std::size_t open = sessions_->size();
    if (open == 0 || std::chrono::steady_clock::now() >= deadline) {
        if (open > 0) {
            spdlog::warn("shutdown: closing {} connections still open after the grace", open);
            for (auto& session : sessions_->live())
                session->close_now();
        }
        drained();
        return;
    }
    drain_timer_.expires_after(std::chrono::milliseconds(20));
    drain_timer_.async_wait([this, deadline, drained = std::move(drained)](auto) mutable {
        wait_for_drain(deadline, std::move(drained));
    });
}

}  // namespace ehall
