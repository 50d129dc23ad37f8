// One HTTP request as handlers see it, and the reply they give. Handlers are plain code:
// the session reads, calls the router's handler, and writes whatever `Reply` receives.
#pragma once

#include <boost/beast/http.hpp>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace ehall {

namespace http = boost::beast::http;
using HttpRequest = http::request<http::string_body>;
using HttpResponse = http::response<http::string_body>;

// The session owns each request's exchange in a shared_ptr; a handler that goes on on another
// thread holds it with `hold` (as Beast's examples move the request into the handler), so no
// work reads a request through a reference the session might reset.
struct Exchange : std::enable_shared_from_this<Exchange> {
    HttpRequest request;
    std::string remote_address;
    std::string request_id;
    std::string route;  // the matched route pattern, for metrics and logs
    std::map<std::string, std::string, std::less<>> path_params;
    std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();

    std::string_view path() const;
    std::string_view query() const;  // after '?', empty when none
    std::string path_param(std::string_view name) const;
    // The decoded value of query parameter `name`, empty when absent.
    std::string query_param(std::string_view name) const;
    std::string header(http::field field) const;
    std::string header(std::string_view name) const;
};

using HeldExchange = std::shared_ptr<const Exchange>;
// The exchange, kept alive for work that outlives the handler's call.
inline HeldExchange hold(const Exchange& exchange) {
    return exchange.shared_from_this();
}

// Must be called exactly once, from any thread.
using Reply = std::function<void(HttpResponse)>;
using Handler = std::function<void(const Exchange&, Reply)>;

HttpResponse make_response(http::status status, std::string_view content_type, std::string body);
HttpResponse json_response(http::status status, const nlohmann::json& body);

}  // namespace ehall
