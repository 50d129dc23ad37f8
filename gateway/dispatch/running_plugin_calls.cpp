#include "gateway/dispatch/running_plugin_calls.hpp"

namespace ehall {

std::uint64_t RunningPluginCalls::begin(const ServiceRequest& request) {
    const auto now = std::chrono::steady_clock::now();
    std::lock_guard lock(mutex_);
    const std::uint64_t key = next_key_++;
    running_.emplace(key, Entry{&request, now});
    return key;
}

void RunningPluginCalls::end(std::uint64_t key) {
    std::lock_guard lock(mutex_);
    running_.erase(key);
}

std::vector<RunningPluginCalls::Call> RunningPluginCalls::calls() const {
    const auto now = std::chrono::steady_clock::now();
    std::vector<Call> calls;
    std::lock_guard lock(mutex_);
    for (const auto& [key, entry] : running_) {
        calls.push_back({.plugin = entry.request->plugin,
                         .operation = entry.request->operation,
                         .request_id = entry.request->request_id,
                         .running_for = now - entry.started});
    }
    return calls;
}

}  // namespace ehall
