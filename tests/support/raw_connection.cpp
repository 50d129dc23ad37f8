#include "tests/support/raw_connection.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <stdexcept>

namespace ehall::test {

using Clock = std::chrono::steady_clock;

RawConnection::RawConnection(std::uint16_t port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd_ < 0)
        throw std::runtime_error("socket() failed");
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
        ::close(fd_);
        throw std::runtime_error("connect to 127.0.0.1:" + std::to_string(port) + " failed");
    }
}

RawConnection::~RawConnection() {
    ::close(fd_);
}

bool RawConnection::send(std::string_view bytes) {
    while (!bytes.empty() && !closed_) {
        const ssize_t sent = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
        if (sent < 0 && errno == EINTR)
            continue;
        if (sent <= 0) {
            closed_ = true;
            break;
        }
        bytes.remove_prefix(static_cast<std::size_t>(sent));
    }
    return !closed_;
}

bool RawConnection::receive_some(std::chrono::milliseconds timeout) {
    pollfd ready{.fd = fd_, .events = POLLIN, .revents = 0};
    if (::poll(&ready, 1, static_cast<int>(timeout.count())) <= 0)
        return false;
    char chunk[16384];
    const ssize_t got = ::recv(fd_, chunk, sizeof chunk, 0);
    if (got <= 0) {
        closed_ = true;  // end of stream, or reset
        return false;
    }
    received_.append(chunk, static_cast<std::size_t>(got));
    return true;
}

const std::string& RawConnection::read(std::chrono::milliseconds timeout, std::string_view until) {
    const auto deadline = Clock::now() + timeout;
    while (!closed_ && (until.empty() || received_.find(until) == std::string::npos)) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (left.count() <= 0)
            break;
        receive_some(left);
    }
    return received_;
}

bool RawConnection::wait_closed(std::chrono::milliseconds timeout) {
    const auto deadline = Clock::now() + timeout;
    while (!closed_ && Clock::now() < deadline) {
        receive_some(
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()));
    }
    return closed_;
}

}  // namespace ehall::test
