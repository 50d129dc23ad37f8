#include "gateway/http/http_session.hpp"

#include <spdlog/spdlog.h>
#include <algorithm>
#include <boost/asio/dispatch.hpp>

#include "gateway/base/random_token.hpp"
#include "gateway/http/http_server.hpp"

namespace ehall {

namespace beast = boost::beast;

namespace {

// The first read of a request; later reads size themselves to what is coming.
constexpr std::size_t first_read_size = 1024;

// The path as a JSON string. Paths are nearly always plain ASCII, which needs no escaping;
// anything else goes through the JSON library.
std::string quoted_path(std::string_view path) {
    const bool plain = std::all_of(path.begin(), path.end(), [](char c) {
        return c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
    });
    if (!plain) {
        return nlohmann::json(std::string(path))
            .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    std::string quoted;
    quoted.reserve(path.size() + 2);
    quoted.append(1, '"').append(path).append(1, '"');
    return quoted;
}

bool usable_request_id(std::string_view id) {
    if (id.empty() || id.size() > 64)
        return false;
    for (char c : id) {
        bool ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                  c == '-' || c == '_' || c == '.';
        if (!ok)
            return false;
    }
    return true;
}

}  // namespace

HttpSession::HttpSession(boost::asio::ip::tcp::socket socket, std::string remote_address,
                         HttpServer& server)
    : stream_(std::move(socket)),
      server_(server),
      remote_address_(std::move(remote_address)),
      registry_(server.sessions()) {}

HttpSession::~HttpSession() {
    registry_->remove(tracked_);
    registry_->release(remote_address_);
}

void HttpSession::start() {
    tracked_ = registry_->add(weak_from_this());
    // Run on the connection's executor (its network thread), like every later step.
    boost::asio::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->do_read(); });
}

void HttpSession::close_if_idle() {
    boost::asio::dispatch(stream_.get_executor(), [self = shared_from_this()] {
        if (!self->busy_)
            self->close();
    });
}

void HttpSession::close_now() {
    boost::asio::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->close(); });
}

void HttpSession::do_read() {
    if (server_.stopping())
        return close();
    if (buffer_.size() > 0)
        return read_request();  // the next request is already here (pipelined)
    // Idle until a request starts: the idle deadline, then the read deadline for the rest.
    stream_.expires_after(server_.options().idle_timeout);
    stream_.async_read_some(
        buffer_.prepare(first_read_size),
        beast::bind_front_handler(&HttpSession::on_first_bytes, shared_from_this()));
}

void HttpSession::on_first_bytes(beast::error_code ec, std::size_t bytes) {
    if (ec)
        return close();  // idle too long, or the client went away
    buffer_.commit(bytes);
    read_request();
}

void HttpSession::read_request() {
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(server_.options().header_limit));
    parser_->body_limit(server_.options().body_limit);
    stream_.expires_after(server_.options().read_timeout);
    http::async_read(stream_, buffer_, *parser_,
                     beast::bind_front_handler(&HttpSession::on_read, shared_from_this()));
}

void HttpSession::on_read(beast::error_code ec, std::size_t) {
    if (ec == http::error::end_of_stream || ec == boost::asio::error::operation_aborted ||
        ec == beast::error::timeout || ec == boost::asio::error::connection_reset ||
        ec == boost::asio::error::bad_descriptor) {
        return close();
    }
    // The parser sets the target once the request line is complete.
    if (ec == http::error::header_limit && parser_->get().target().empty()) {
        return reject(http::status::uri_too_long, "uri_too_long",
                      "the request line exceeds the header limit");
    }
    if (ec == http::error::header_limit) {
        return reject(http::status::request_header_fields_too_large, "header_too_large",
                      "request headers exceed the limit");
    }
    if (ec == http::error::body_limit) {
        return reject(http::status::payload_too_large, "body_too_large",
                      "request body exceeds the limit");
    }
    if (ec)
        return reject(http::status::bad_request, "bad_request", "malformed HTTP request");
    busy_ = true;
    exchange_ = std::make_shared<Exchange>();
    exchange_->request = parser_->release();
    exchange_->remote_address = remote_address_;
    std::string given_id = exchange_->header("X-Request-Id");
    exchange_->request_id = usable_request_id(given_id) ? given_id : trace_id();
    handle();
}

void HttpSession::handle() {
    auto match = server_.router().match(exchange_->request.method(), exchange_->path(),
                                        exchange_->path_params);
    if (!match.handler) {
        exchange_->route = match.wrong_method ? "(wrong method)" : "(no route)";
        nlohmann::json body = {
            {"status", "error"},
            {"code", match.wrong_method ? "method_not_allowed" : "not_found"},
            {"message", match.wrong_method ? "method not allowed" : "no such route"}};
        return reply(json_response(
            match.wrong_method ? http::status::method_not_allowed : http::status::not_found, body));
    }
    exchange_->route = *match.route;
    if (auto refusal = server_.cross_site_checks().refusal(*exchange_, *match.rules))
        return reply(std::move(*refusal));
    // The reply may come from another thread; it rejoins this connection's executor.
    Reply done = [self = shared_from_this()](HttpResponse response) {
        boost::asio::dispatch(
            self->stream_.get_executor(),
            [self, response = std::move(response)]() mutable { self->reply(std::move(response)); });
    };
    try {
        (*match.handler)(*exchange_, std::move(done));
    } catch (const std::exception& e) {
        spdlog::error("handler for {} threw: {}", exchange_->route, e.what());
        reply(json_response(
            http::status::internal_server_error,
            {{"status", "error"}, {"code", "internal_error"}, {"message", "internal error"}}));
    }
}

void HttpSession::reply(HttpResponse response) {
    response_ = std::move(response);
    response_.version(exchange_->request.version());
    response_.keep_alive(exchange_->request.keep_alive() && !server_.stopping());
    response_.set("X-Request-Id", exchange_->request_id);
    response_.prepare_payload();
    auto latency = std::chrono::duration_cast<std::chrono::microseconds>(
        std::chrono::steady_clock::now() - exchange_->started);
    server_.metrics().observe_request(exchange_->route, response_.result_int(), latency);
    if (server_.options().access_log)
        log_access(response_);
    do_write();
}

void HttpSession::do_write() {
    stream_.expires_after(server_.options().read_timeout);
    http::async_write(stream_, response_,
                      beast::bind_front_handler(&HttpSession::on_write, shared_from_this()));
}

void HttpSession::on_write(beast::error_code ec, std::size_t) {
    busy_ = false;
    if (ec || !response_.keep_alive())
        return close();
    // An idle kept-alive connection holds no request, reply or grown buffer.
    exchange_.reset();
    response_ = HttpResponse{};
    if (buffer_.size() == 0)
        buffer_.shrink_to_fit();
    do_read();
}

void HttpSession::reject(http::status status, std::string_view code, std::string_view message) {
    // The request could not be read whole, so the connection cannot be reused.
    busy_ = true;
    exchange_ = std::make_shared<Exchange>();
    exchange_->route = "(rejected)";
    exchange_->request.version(11);
    exchange_->request.keep_alive(false);
    exchange_->request_id = trace_id();
    reply(json_response(status, {{"status", "error"}, {"code", code}, {"message", message}}));
}

void HttpSession::close() {
    beast::error_code ec;
    stream_.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_both, ec);
    stream_.close();
}

void HttpSession::log_access(const HttpResponse& response) const {
    auto latency = std::chrono::duration_cast<std::chrono::microseconds>(
        std::chrono::steady_clock::now() - exchange_->started);
    // The query string is left out: it can carry SMS text, PINs or tokens.
    server_.access_logger().info(
        R"("remote":"{}","method":"{}","path":{},"route":"{}","status":{},"bytes":{},"latency_us":{},"request_id":"{}"}})",
        remote_address_, std::string_view(http::to_string(exchange_->request.method())),
        quoted_path(exchange_->path()), exchange_->route, response.result_int(),
        response.body().size(), latency.count(), exchange_->request_id);
}

}  // namespace ehall
