// Deadlines for in-flight plugin calls, checked by one periodic timer. Cheaper per request
// than a timer each: watching and cancelling are a map insert and erase under a mutex.
#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>

namespace ehall {

class DeadlineWatch {
  public:
    using Clock = std::chrono::steady_clock;
    struct Key {
        Clock::time_point deadline;
        std::uint64_t id = 0;
        auto operator<=>(const Key&) const = default;
    };

    // Checks every `tick` on `executor`, so deadlines are met to within one tick.
    DeadlineWatch(boost::asio::any_io_executor executor, std::chrono::milliseconds tick);

    void start();
    void stop();
    // Calls `expired` (on the executor) once `deadline` passes, unless cancelled first.
    Key watch(Clock::time_point deadline, std::function<void()> expired);
    void cancel(const Key& key);

  private:
    void schedule();
    void check();

    boost::asio::steady_timer timer_;
    std::chrono::milliseconds tick_;
    std::mutex mutex_;
    std::map<Key, std::function<void()>> watched_;
    std::uint64_t next_id_ = 0;
    bool stopped_ = false;
};

}  // namespace ehall
