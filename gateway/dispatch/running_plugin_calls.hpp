// The plugin calls running on the worker threads right now (inside Plugin::invoke), so a
// shutdown that cannot wait for them any longer can say which ones it abandons.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include <ehall/plugin.hpp>

namespace ehall {

class RunningPluginCalls {
  public:
    struct Call {
        std::string plugin;
        std::string operation;
        std::string request_id;
        std::chrono::steady_clock::duration running_for{};
    };

    // `request` must stay alive until the matching end().
    std::uint64_t begin(const ServiceRequest& request);
    void end(std::uint64_t key);
    std::vector<Call> calls() const;

  private:
    struct Entry {
        const ServiceRequest* request;
        std::chrono::steady_clock::time_point started;
    };

    mutable std::mutex mutex_;
    std::map<std::uint64_t, Entry> running_;
    std::uint64_t next_key_ = 0;
};

}  // namespace ehall
