#include "gateway/guarded_invocation.hpp"

#include <atomic>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <spdlog/spdlog.h>

namespace ehall {

namespace asio = boost::asio;

namespace {

struct Invocation {
    Invocation(asio::any_io_executor timers, Plugin::Done done)
        : timer(asio::make_strand(timers)), done(std::move(done)) {}

    void finish(ServiceResult result) {
        if (finished.exchange(true)) return;
        asio::post(timer.get_executor(), [this, keep = holder.lock()] { timer.cancel(); });
        done(std::move(result));
    }

    std::atomic<bool> finished{false};
    asio::steady_timer timer;
    Plugin::Done done;
    std::weak_ptr<Invocation> holder;
};

}  // namespace

void invoke_guarded(Plugin& plugin, ServiceRequest request, std::chrono::milliseconds timeout,
                    asio::thread_pool& workers, asio::any_io_executor timers, Plugin::Done done) {
    auto invocation = std::make_shared<Invocation>(std::move(timers), std::move(done));
    invocation->holder = invocation;
    asio::post(invocation->timer.get_executor(), [invocation, timeout] {
        invocation->timer.expires_after(timeout);
        invocation->timer.async_wait([invocation](boost::system::error_code ec) {
            if (!ec) {
                invocation->finish(ServiceResult::error("timeout", "the service did not answer in time"));
            }
        });
    });
    asio::dispatch(workers, [invocation, &plugin, request = std::move(request)] {
        const std::string what = request.plugin + "." + request.operation;
        try {
            plugin.invoke(request, [invocation](ServiceResult result) {
                invocation->finish(std::move(result));
            });
        } catch (const std::exception& e) {
            spdlog::error("plugin operation {} threw: {}", what, e.what());
            invocation->finish(ServiceResult::error("internal_error"));
        } catch (...) {
            spdlog::error("plugin operation {} threw a non-exception", what);
            invocation->finish(ServiceResult::error("internal_error"));
        }
    });
}

}  // namespace ehall
