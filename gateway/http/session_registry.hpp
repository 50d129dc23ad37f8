// The open connections, so shutdown can reach the idle ones, and their count per client
// address, for the per-IP cap. Every session holds a shared_ptr to it: a session destroyed
// late (with the io_context's pending handlers, after the server object) still deregisters
// from a live registry.
#pragma once

#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace ehall {

class HttpSession;

class SessionRegistry {
  public:
    using Entry = std::list<std::weak_ptr<HttpSession>>::iterator;

    explicit SessionRegistry(std::size_t max_per_address) : max_per_address_(max_per_address) {}

    // Counts a new connection from `address`; false, counting nothing, when the address
    // already has the most allowed (0: no cap). Each admitted connection is released once.
    bool admit(const std::string& address) {
        std::lock_guard lock(mutex_);
        std::size_t& open = per_address_[address];
        if (max_per_address_ > 0 && open >= max_per_address_)
            return false;
        ++open;
        return true;
    }
    void release(const std::string& address) {
        std::lock_guard lock(mutex_);
        auto it = per_address_.find(address);
        if (it != per_address_.end() && --it->second == 0)
            per_address_.erase(it);
    }

    Entry add(std::weak_ptr<HttpSession> session) {
        std::lock_guard lock(mutex_);
        return sessions_.insert(sessions_.end(), std::move(session));
    }
    void remove(Entry entry) {
        std::lock_guard lock(mutex_);
        sessions_.erase(entry);
    }
    std::size_t size() {
        std::lock_guard lock(mutex_);
        return sessions_.size();
    }
    std::vector<std::shared_ptr<HttpSession>> live() {
        std::lock_guard lock(mutex_);
        std::vector<std::shared_ptr<HttpSession>> sessions;
        for (auto& weak : sessions_) {
            if (auto session = weak.lock())
                sessions.push_back(std::move(session));
        }
        return sessions;
    }

  private:
    std::mutex mutex_;
    std::list<std::weak_ptr<HttpSession>> sessions_;
    const std::size_t max_per_address_;
    std::unordered_map<std::string, std::size_t> per_address_;
};

}  // namespace ehall
