#include "gateway/http/network_threads.hpp"

#include <algorithm>

namespace ehall {

NetworkThreads::NetworkThreads(unsigned count) {
    count = std::max(count, 1u);
    for (unsigned i = 0; i < count; ++i) {
        // A concurrency hint of 1: only this context's thread runs its handlers (others
        // still post to it, so it keeps its locks).
        contexts_.push_back(std::make_unique<boost::asio::io_context>(1));
        guards_.push_back(boost::asio::make_work_guard(*contexts_.back()));
    }
}

NetworkThreads::~NetworkThreads() {
    stop();
}

void NetworkThreads::start() {
    for (auto& context : contexts_)
        threads_.emplace_back([&io = *context] { io.run(); });
}

boost::asio::io_context& NetworkThreads::next() {
    auto& context = *contexts_[next_];
    next_ = (next_ + 1) % contexts_.size();
    return context;
}

void NetworkThreads::stop() {
    guards_.clear();
    for (auto& context : contexts_)
        context->stop();
    for (auto& thread : threads_) {
        if (thread.joinable())
            thread.join();
    }
    threads_.clear();
}

}  // namespace ehall
