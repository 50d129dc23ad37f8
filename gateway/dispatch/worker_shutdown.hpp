// The end of shutdown for the worker pool: wait for it, but not forever. A plugin that
// blocks (a remote system that never answers, a deadlock) must not hold the process.
#pragma once

#include <boost/asio/thread_pool.hpp>
#include <chrono>

#include "gateway/config/config.hpp"
#include "gateway/dispatch/running_plugin_calls.hpp"

namespace ehall {

// The exit code of a shutdown that abandoned work still running on the workers (EX_SOFTWARE).
constexpr int exit_code_abandoned_calls = 70;

// How long the workers get once the server has stopped: the longest plugin timeout (a call
// running longer has been answered `timeout` already) and 1 s for the rest of their work.
std::chrono::milliseconds worker_shutdown_limit(const Config& config);

// Joins `workers`, waiting at most `limit`. False, after logging the plugin calls still
// running, when they did not finish in time: the caller must then neither wait for them nor
// unload their plugins, but end the process (std::_Exit) once the journal is flushed.
bool join_workers_within(boost::asio::thread_pool& workers, const RunningPluginCalls& running,
                         std::chrono::milliseconds limit);

}  // namespace ehall
