// The open connections, so shutdown can reach the idle ones. Every session holds a
// shared_ptr to it: a session destroyed late (with the io_context's pending handlers,
// after the server object) still deregisters from a live registry.
#pragma once

#include <list>
#include <memory>
#include <mutex>
#include <vector>

namespace ehall {

class HttpSession;

class SessionRegistry {
  public:
    using Entry = std::list<std::weak_ptr<HttpSession>>::iterator;

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
};

}  // namespace ehall
