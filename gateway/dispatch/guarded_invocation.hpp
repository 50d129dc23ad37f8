// Runs one plugin operation with a deadline: a plugin that throws gives `internal_error`, one
// that does not answer in time gives `timeout`, and whichever comes first is the only result
// delivered. It runs on the workers, listed in `running` while the plugin's invoke() runs
// (shutdown names the ones it abandons); or on the calling thread when `on_caller_thread`
// (an operation that only reads the store: the hop would cost more than the call), without
// a deadline, since the caller's thread is the one that would send the timeout.
#pragma once

#include <boost/asio/thread_pool.hpp>
#include <chrono>
#include <memory>

#include <ehall/plugin.hpp>
#include "gateway/dispatch/deadline_watch.hpp"
#include "gateway/dispatch/running_plugin_calls.hpp"

namespace ehall {

// `request` is shared with the caller, which journals it once the result is in.
void invoke_guarded(Plugin& plugin, std::shared_ptr<const ServiceRequest> request,
                    std::chrono::milliseconds timeout, boost::asio::thread_pool& workers,
                    DeadlineWatch& deadlines, RunningPluginCalls& running, bool on_caller_thread,
                    Plugin::Done done);

}  // namespace ehall
