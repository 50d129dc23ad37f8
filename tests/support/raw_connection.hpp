// A plain TCP connection to the server under test, for clients that misbehave on purpose:
// bytes sent at any pace, reads with a deadline, and whether the server closed.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace ehall::test {

class RawConnection {
  public:
    explicit RawConnection(std::uint16_t port);  // throws when it cannot connect
    ~RawConnection();
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;

    // False once the server has closed or reset the connection.
    bool send(std::string_view bytes);
    // Reads until `until` has arrived, the server closes, or `timeout` passes; everything
    // received so far.
    const std::string& read(std::chrono::milliseconds timeout, std::string_view until = {});
    // Waits up to `timeout` for the server to close (end of stream or reset).
    bool wait_closed(std::chrono::milliseconds timeout);
    bool closed() const { return closed_; }
    const std::string& received() const { return received_; }

  private:
    // One poll and recv: false when nothing arrived within `timeout` or the stream ended.
    bool receive_some(std::chrono::milliseconds timeout);

    int fd_ = -1;
    bool closed_ = false;
    std::string received_;
};

}  // namespace ehall::test
