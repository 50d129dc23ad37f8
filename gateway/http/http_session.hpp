// One client connection: read a request, hand it to the router, write the reply, repeat
// while keep-alive holds.
#pragma once

#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <list>
#include <memory>
#include <optional>

#include "gateway/http/exchange.hpp"
#include "gateway/http/session_registry.hpp"

namespace ehall {

class HttpServer;

class HttpSession : public std::enable_shared_from_this<HttpSession> {
  public:
    HttpSession(boost::asio::ip::tcp::socket socket, std::string remote_address,
                HttpServer& server);
    ~HttpSession();

    void start();
    // From the server's shutdown: close now unless a request is being handled.
    void close_if_idle();
    // From the server's shutdown once its grace has passed: close whatever is going on.
    void close_now();

  private:
    void do_read();
    void on_first_bytes(boost::beast::error_code ec, std::size_t bytes);
    void read_request();
    void on_read(boost::beast::error_code ec, std::size_t bytes);
    void handle();
    void reply(HttpResponse response);
    void do_write();
    void on_write(boost::beast::error_code ec, std::size_t bytes);
    void reject(http::status status, std::string_view code, std::string_view message);
    void close();
    void log_access(const HttpResponse& response) const;

    boost::beast::tcp_stream stream_;
    HttpServer& server_;
    boost::beast::flat_buffer buffer_;
    std::optional<http::request_parser<http::string_body>> parser_;
    std::shared_ptr<Exchange> exchange_;  // handlers may hold it past the reply (exchange.hpp)
    HttpResponse response_;
    bool busy_ = false;  // a request is being handled or its reply written
    std::string remote_address_;
    std::shared_ptr<SessionRegistry> registry_;
    SessionRegistry::Entry tracked_;
};

}  // namespace ehall
