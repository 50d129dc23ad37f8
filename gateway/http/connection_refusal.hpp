// A connection over the per-IP cap: answered with a fixed 503 `too_many_connections`
// (Retry-After, Connection: close) written at once, without reading the request, then
// closed. No session, parser or router: one small object for at most `linger`.
#pragma once

#include <boost/asio/ip/tcp.hpp>
#include <chrono>
#include <string_view>

namespace ehall {

// The whole reply, status line to body.
std::string_view connection_refusal_reply();

// Writes the reply, then reads and discards what the client sends until it closes (closing
// with unread request bytes would reset the connection and could lose the reply), a few
// KiB have come, or `linger` has passed since the start; then closes.
void refuse_connection(boost::asio::ip::tcp::socket socket, std::chrono::milliseconds linger);

}  // namespace ehall
