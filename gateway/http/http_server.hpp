// The async HTTP/1.1 server: an acceptor and one session per connection, on Beast.
// Bounded by construction: a deadline before every read and write, a header limit (431)
// and a body limit (413) on a fresh parser per message. Every request passes its route's
// cross-site checks (cross_site_checks.hpp) before the route's handler sees it.
#pragma once

#include <spdlog/logger.h>
#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "gateway/base/metrics.hpp"
#include "gateway/http/cross_site_checks.hpp"
#include "gateway/http/router.hpp"
#include "gateway/http/session_registry.hpp"

namespace ehall {

class HttpSession;
class NetworkThreads;

class HttpServer {
  public:
    struct Options {
        std::string host = "127.0.0.1";
        std::uint16_t port = 8080;
        std::chrono::milliseconds read_timeout{15000};  // from a request's first byte
        std::chrono::milliseconds idle_timeout{15000};  // waiting for a request to start
        unsigned max_connections_per_ip = 256;          // 0: no cap
        std::size_t header_limit = 8 * 1024;
        std::size_t body_limit = 1024 * 1024;
        bool access_log = true;
        // Origins besides a request's own that may call routes setting cookies, normalised
        // (cross_site_checks.hpp).
        std::vector<std::string> allowed_origins;
    };

    // `io` runs the acceptor and the server's timers; connections go to `network` in turn.
    HttpServer(boost::asio::io_context& io, Options options, const Router& router, Metrics& metrics,
               NetworkThreads& network);
    ~HttpServer();

    // Binds and starts accepting. Throws when the address cannot be bound.
    void start();
    std::uint16_t port() const { return port_; }

    // Stops accepting, closes idle connections, lets in-flight requests finish (their
    // connections close after the reply) and calls `drained` when none is left or when
    // `grace` has passed.
    void shutdown(std::chrono::milliseconds grace, std::function<void()> drained);

    bool stopping() const { return stopping_.load(std::memory_order_relaxed); }
    const Options& options() const { return options_; }
    const Router& router() const { return router_; }
    const CrossSiteChecks& cross_site_checks() const { return cross_site_checks_; }
    Metrics& metrics() { return metrics_; }
    spdlog::logger& access_logger() { return *access_logger_; }

    const std::shared_ptr<SessionRegistry>& sessions() const { return sessions_; }

  private:
    void do_accept();
    void on_accept(boost::beast::error_code ec, boost::asio::ip::tcp::socket socket);
    void wait_for_drain(std::chrono::steady_clock::time_point deadline,
                        std::function<void()> drained);

    Options options_;
    const Router& router_;
    CrossSiteChecks cross_site_checks_;
    Metrics& metrics_;
    boost::asio::ip::tcp::acceptor acceptor_;
    boost::asio::steady_timer accept_retry_timer_;
    boost::asio::steady_timer drain_timer_;
    std::shared_ptr<spdlog::logger> access_logger_;
    std::uint16_t port_ = 0;
    std::uint64_t refused_connections_ = 0;  // on the acceptor's strand only
    std::atomic<bool> stopping_{false};
    std::shared_ptr<SessionRegistry> sessions_;
    NetworkThreads& network_;
};

}  // namespace ehall
