// The connections a store keeps: at most `max` open, each lent to one transaction at a time;
// a caller waits when all are lent. `Item` is a connection with whatever the store keeps
// beside it (SQLite: the read snapshot it may leave open).
#pragma once

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <utility>
#include <vector>

namespace ehall {

template <class Item>
class ConnectionPool {
  public:
    // `first` is the connection the store opened to check its settings.
    ConnectionPool(std::size_t max, std::function<Item()> connect, Item first)
        : max_(max), connect_(std::move(connect)) {
        idle_.reserve(max_);  // so release() never allocates
        idle_.push_back(std::move(first));
        open_ = 1;
    }

    // An idle connection, a new one while fewer than `max` are open, or waits for one.
    // Throws what connect throws (and frees the place it took).
    Item acquire() {
        std::unique_lock lock(mutex_);
        available_.wait(lock, [this] { return !idle_.empty() || open_ < max_; });
        if (!idle_.empty()) {
            Item item = std::move(idle_.back());
            idle_.pop_back();
            return item;
        }
        ++open_;
        lock.unlock();
        try {
            return connect_();
        } catch (...) {
            lock.lock();
            --open_;
            lock.unlock();
            available_.notify_one();
            throw;
        }
    }

    // Takes `item` back; `keep` false closes it (a connection the server dropped).
    void release(Item item, bool keep = true) {
        {
            std::lock_guard lock(mutex_);
            if (keep)
                idle_.push_back(std::move(item));
            else
                --open_;
        }
        available_.notify_one();
    }

    // Runs `visit` on each idle connection while none can be lent.
    void for_each_idle(const std::function<void(Item&)>& visit) {
        std::lock_guard lock(mutex_);
        for (Item& item : idle_)
            visit(item);
    }

  private:
    const std::size_t max_;
    std::function<Item()> connect_;
    std::mutex mutex_;
    std::condition_variable available_;
    std::vector<Item> idle_;
    std::size_t open_ = 0;
};

}  // namespace ehall
