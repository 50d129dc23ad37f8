// A small HTTP/1.1 client for integration tests: Beast, one keep-alive connection, and a
// deadline on every exchange so that no test hangs on a silent server.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ehall::test {

namespace http = boost::beast::http;

using Headers = std::vector<std::pair<std::string, std::string>>;

// `headers` and one more.
inline Headers with(Headers headers, const std::string& name, const std::string& value) {
    headers.emplace_back(name, value);
    return headers;
}

inline Headers with_request_id(Headers headers, const std::string& id) {
    return with(std::move(headers), "X-Request-Id", id);
}

inline bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

struct HttpResult {
    unsigned status = 0;
    Headers headers;
    std::string body;

    std::string header(std::string_view name) const;  // case-insensitive, empty when absent
    nlohmann::json json() const;                      // the body parsed; discarded when not JSON
};

class HttpClient {
  public:
    explicit HttpClient(std::uint16_t port,
                        std::chrono::milliseconds timeout = std::chrono::seconds(10));
    ~HttpClient();

    // Sends one request on the open connection (connecting first when there is none) and
    // reads the response. Throws on connection errors and timeouts.
    HttpResult request(http::verb method, const std::string& target, const std::string& body = {},
                       const Headers& headers = {});
    HttpResult get(const std::string& target, const Headers& headers = {}) {
        return request(http::verb::get, target, {}, headers);
    }
    // POSTs `body` as JSON; a null body (`{}` at the call site) is sent as an empty object.
    HttpResult post(const std::string& target, const nlohmann::json& body,
                    const Headers& headers = {}) {
        return post_json_text(target, body.is_null() ? "{}" : body.dump(), headers);
    }
    // POSTs `text` exactly as given (broken JSON included) as Content-Type: application/json.
    HttpResult post_json_text(const std::string& target, const std::string& text,
                              const Headers& headers = {}) {
        Headers with_type = headers;
        with_type.emplace_back("Content-Type", "application/json");
        return request(http::verb::post, target, text, with_type);
    }

    // Connects from now on from `address`, another loopback address such as 127.0.0.2, as a
    // client elsewhere would (limits per client address).
    void connect_from(std::string address) {
        close();
        source_address_ = std::move(address);
    }

    // Connections opened so far: 1 after many requests means keep-alive worked.
    int connections_opened() const { return connections_; }
    void close();

  private:
    void connect();

    boost::asio::io_context io_;
    std::optional<boost::beast::tcp_stream> stream_;
    boost::beast::flat_buffer buffer_;
    std::uint16_t port_;
    std::string source_address_;  // empty: the system's choice
    std::chrono::milliseconds timeout_;
    int connections_ = 0;
};

// What came back on a raw connection: the bytes, and the status of the first response line.
struct RawResult {
    unsigned status = 0;  // 0 when no status line arrived
    std::string text;
};

// Sends hand-crafted bytes on a fresh connection while reading, and collects the reply until
// the server closes or `timeout` passes. A server that closes before reading everything is
// not an error: whatever it answered is returned.
RawResult raw_exchange(std::uint16_t port, const std::string& bytes,
                       std::chrono::milliseconds timeout = std::chrono::seconds(10));

}  // namespace ehall::test
