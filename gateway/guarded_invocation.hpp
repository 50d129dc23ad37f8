// Runs one plugin operation off the network threads with a deadline: a plugin that throws
// gives `internal_error`, one that does not answer in time gives `timeout`, and whichever
// comes first is the only result delivered. While the plugin's invoke() runs on a worker,
// the call is listed in `running` (shutdown names the ones it abandons).
#pragma once

#include <boost/asio/thread_pool.hpp>
#include <chrono>

#include "gateway/deadline_watch.hpp"
#include "gateway/plugin_api.hpp"
#include "gateway/running_plugin_calls.hpp"

namespace ehall {

void invoke_guarded(Plugin& plugin, ServiceRequest request, std::chrono::milliseconds timeout,
                    boost::asio::thread_pool& workers, DeadlineWatch& deadlines,
                    RunningPluginCalls& running, Plugin::Done done);

}  // namespace ehall
