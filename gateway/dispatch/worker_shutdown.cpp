#include "gateway/dispatch/worker_shutdown.hpp"

#include <spdlog/spdlog.h>
#include <algorithm>
#include <future>
#include <memory>
#include <thread>

namespace ehall {

std::chrono::milliseconds worker_shutdown_limit(const Config& config) {
    auto longest = config.plugins.default_timeout;
    for (const auto& [name, timeout] : config.plugins.timeouts)
        longest = std::max(longest, timeout);
    return longest + std::chrono::seconds(1);
}

bool join_workers_within(boost::asio::thread_pool& workers, const RunningPluginCalls& running,
                         std::chrono::milliseconds limit) {
    // The promise outlives this call: a stuck call may end, and the join with it, later.
    auto joined = std::make_shared<std::promise<void>>();
    auto done = joined->get_future();
    std::thread joiner([&workers, joined] {
        workers.join();
        joined->set_value();
    });
    if (done.wait_for(limit) == std::future_status::ready) {
        joiner.join();
        return true;
    }
    joiner.detach();
    const auto calls = running.calls();
    spdlog::error(
        "shutdown: abandoning {} plugin call(s) still running {} ms after the server "
        "stopped",
        calls.size(), limit.count());
    for (const auto& call : calls) {
        spdlog::error(
            "shutdown: abandoned {}.{} (request {}), running for {} ms", call.plugin,
            call.operation, call.request_id,
            std::chrono::duration_cast<std::chrono::milliseconds>(call.running_for).count());
    }
    if (calls.empty())
        spdlog::error("shutdown: abandoning worker tasks that are not plugin calls");
    return false;
}

}  // namespace ehall
