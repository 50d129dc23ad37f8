// The network threads: one io_context per thread, each run by exactly that thread. A
// connection lives on one of them for its whole life, so its handlers never run at the
// same time (no strand needed) and the threads do not share one scheduler queue, whose
// lock and wake-ups cost more than a small request's own work.
#pragma once

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <cstddef>
#include <memory>
#include <thread>
#include <vector>

namespace ehall {

class NetworkThreads {
  public:
    explicit NetworkThreads(unsigned count);
    ~NetworkThreads();
    NetworkThreads(const NetworkThreads&) = delete;
    NetworkThreads& operator=(const NetworkThreads&) = delete;

    void start();
    // The context for the next connection, in turn. Called by the acceptor only.
    boost::asio::io_context& next();
    // Stops every context (queued handlers are dropped) and joins the threads.
    void stop();

  private:
    using WorkGuard = boost::asio::executor_work_guard<boost::asio::io_context::executor_type>;

    std::vector<std::unique_ptr<boost::asio::io_context>> contexts_;
    std::vector<WorkGuard> guards_;
    std::vector<std::thread> threads_;
    std::size_t next_ = 0;
};

}  // namespace ehall
