// Runs a function every `interval` on an executor until stop(): housekeeping such as
// SqliteStore::end_idle_snapshots.
#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <functional>

namespace ehall {

class PeriodicTask {
  public:
    PeriodicTask(boost::asio::any_io_executor executor, std::chrono::milliseconds interval,
                 std::function<void()> task)
        : timer_(std::move(executor)), interval_(interval), task_(std::move(task)) {}

    void start();  // first run one interval from now
    void stop();

  private:
    void schedule();

    boost::asio::steady_timer timer_;
    std::chrono::milliseconds interval_;
    std::function<void()> task_;
};

}  // namespace ehall
