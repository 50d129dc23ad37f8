#include "gateway/dispatch/guarded_invocation.hpp"

#include <spdlog/spdlog.h>
#include <atomic>
#include <boost/asio/dispatch.hpp>

namespace ehall {

namespace {

struct Invocation {
    explicit Invocation(Plugin::Done done) : done(std::move(done)) {}

    void finish(ServiceResult result) {
        if (finished.exchange(true))
            return;
        if (deadlines)
            deadlines->cancel(deadline);
        done(std::move(result));
    }

    Plugin::Done done;
    DeadlineWatch* deadlines = nullptr;  // none for a call on the caller's thread
    DeadlineWatch::Key deadline{};
    std::atomic<bool> finished{false};
};

}  // namespace

void invoke_guarded(Plugin& plugin, std::shared_ptr<const ServiceRequest> request,
                    std::chrono::milliseconds timeout, boost::asio::thread_pool& workers,
                    DeadlineWatch& deadlines, RunningPluginCalls& running, bool on_caller_thread,
                    Plugin::Done done) {
    auto invocation = std::make_shared<Invocation>(std::move(done));
    // A call on the caller's thread gets no deadline: its answer would go out on that same
    // network thread (a connection runs on one), which the call holds anyway.
    if (!on_caller_thread) {
        invocation->deadlines = &deadlines;
        invocation->deadline = deadlines.watch(DeadlineWatch::Clock::now() + timeout, [invocation] {
            invocation->finish(
                ServiceResult::error("timeout", "the service did not answer in time"));
        });
    }
    auto call = [invocation, &plugin](const ServiceRequest& request) {
        try {
            plugin.invoke(request, [invocation](ServiceResult result) {
                invocation->finish(std::move(result));
            });
        } catch (const std::exception& e) {
            spdlog::error("plugin operation {}.{} threw: {}", request.plugin, request.operation,
                          e.what());
            invocation->finish(ServiceResult::error("internal_error"));
        } catch (...) {
            spdlog::error("plugin operation {}.{} threw a non-exception", request.plugin,
                          request.operation);
            invocation->finish(ServiceResult::error("internal_error"));
        }
    };
    if (on_caller_thread)
        return call(*request);
    // Runs inline when the caller is already a worker (channels do their writes there), else
    // hops onto the pool.
    boost::asio::dispatch(workers, [call, &running, request = std::move(request)] {
        const auto listed = running.begin(*request);
        call(*request);
        running.end(listed);
    });
}

}  // namespace ehall
