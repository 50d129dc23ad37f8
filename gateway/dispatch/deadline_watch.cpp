#include "gateway/dispatch/deadline_watch.hpp"

#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <vector>

namespace ehall {

DeadlineWatch::DeadlineWatch(boost::asio::any_io_executor executor, std::chrono::milliseconds tick)
    : timer_(boost::asio::make_strand(executor)), tick_(tick) {}

void DeadlineWatch::start() {
    boost::asio::post(timer_.get_executor(), [this] { schedule(); });
}

void DeadlineWatch::stop() {
    boost::asio::post(timer_.get_executor(), [this] {
        stopped_ = true;
        timer_.cancel();
    });
}

DeadlineWatch::Key DeadlineWatch::watch(Clock::time_point deadline, std::function<void()> expired) {
    std::lock_guard lock(mutex_);
    Key key{deadline, ++next_id_};
    watched_.emplace(key, std::move(expired));
    return key;
}

void DeadlineWatch::cancel(const Key& key) {
    std::lock_guard lock(mutex_);
    watched_.erase(key);
}

void DeadlineWatch::schedule() {
    if (stopped_)
        return;
    timer_.expires_after(tick_);
    timer_.async_wait([this](boost::system::error_code ec) {
        if (ec)
            return;
        check();
        schedule();
    });
}

void DeadlineWatch::check() {
    std::vector<std::function<void()>> expired;
    {
        std::lock_guard lock(mutex_);
        auto now = Clock::now();
        while (!watched_.empty() && watched_.begin()->first.deadline <= now) {
            expired.push_back(std::move(watched_.begin()->second));
            watched_.erase(watched_.begin());
        }
    }
    for (auto& callback : expired)
        callback();
}

}  // namespace ehall
