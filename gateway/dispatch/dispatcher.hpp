// The gateway core: every channel hands its normalised ServiceRequest here. Layers around
// the plugin call, in order: find the operation, check it is enabled on the channel,
// check the customer is logged in where needed, validate the parameters, rate limit, run
// the plugin guarded by a deadline; then count the result and journal it.
#pragma once

#include <boost/asio/thread_pool.hpp>
#include <functional>
#include <utility>
#include <vector>

#include "gateway/base/metrics.hpp"
#include "gateway/base/rate_limiter.hpp"
#include "gateway/config/config.hpp"
#include "gateway/dispatch/deadline_watch.hpp"
#include "gateway/dispatch/running_plugin_calls.hpp"
#include "gateway/host/plugin_enablement.hpp"
#include "gateway/host/plugin_host.hpp"
#include "gateway/journal/journal.hpp"

namespace ehall {

struct AvailableOperation {
    const Manifest* plugin;
    const OperationSpec* operation;
};

class Dispatcher {
  public:
    Dispatcher(const Config& config, PluginHost& host, PluginEnablement& enablement,
               Journal& journal, Metrics& metrics, boost::asio::thread_pool& workers,
               DeadlineWatch& deadlines);

    using Done = std::function<void(ServiceResult)>;
    // Calls `done` exactly once, possibly on another thread. Internal operations are
    // refused (`unknown_operation`): channels cannot run them.
    void dispatch(ServiceRequest request, Done done);
    // The same path for the gateway's own calls, which may run internal operations (an
    // offer placement asking the offers plugin for the offer to show).
    void dispatch_internal(ServiceRequest request, Done done);

    // Whether the operation only reads the store (OperationSpec::reads_only): a channel may
    // then handle the request on its network thread.
    bool reads_only(std::string_view plugin, std::string_view operation);

    // The operations enabled on `channel`, in plugin then manifest order, internal ones left
    // out.
    std::vector<AvailableOperation> enabled_operations(std::string_view channel);
    // Every loaded plugin's channel-facing operations, enabled anywhere or not, in plugin
    // then manifest order: what the manifests offer, for a channel to find an operation by
    // what it declares (OperationSpec::cash_for_any_number) rather than by name.
    std::vector<AvailableOperation> loaded_operations() const;
    // The manifest of loaded plugin `id`, for words to show its data in; null when none. It
    // outlives every call.
    const Manifest* loaded_manifest(std::string_view id) const;
    // The placements for `slot` of the plugins enabled on `channel`, in plugin order.
    struct SlotFiller {
        const Manifest* plugin;
        const Placement* placement;
    };
    std::vector<SlotFiller> placements(std::string_view slot, std::string_view channel);
    // See PluginEnablement::generation.
    std::uint64_t enablement_generation() { return enablement_.generation(); }

    // Journals and counts an interaction a channel answered itself (a login, a refused
    // request, an SMS turn that runs no operation), as the dispatcher journals the calls it
    // runs: the business type from the operation's manifest or the gateway's own
    // interactions (own_interactions.hpp), never from the channel; the latency since
    // `started`.
    void report(const ServiceRequest& request, const ServiceResult& result,
                std::chrono::steady_clock::time_point started);

    // The plugin and operation names an interaction is journaled and counted under: the
    // given ones when they are a loaded plugin and an operation of its manifest, or one of
    // the gateway's own interactions (own_interactions.hpp); `unknown` in place of either
    // that is not. A request names them itself (a URL's {plugin}/{operation}), so no text a
    // client chose reaches the journal, its CSV exports or the metrics' labels. The views
    // are into the arguments or constants.
    struct KnownNames {
        std::string_view plugin;
        std::string_view operation;
    };
    KnownNames known_names(std::string_view plugin, std::string_view operation) const;

    // Runs a channel's own work that waits on the store (SMS confirmations, opt-outs, the MO
    // ledger) where the dispatcher runs plugin calls that may wait: on a worker, inline when
    // already on one. Channels ask this rather than choosing a thread themselves.
    void run_blocking(std::function<void()> work);

    boost::asio::thread_pool& workers() { return workers_; }
    const RunningPluginCalls& running_calls() const { return running_calls_; }

  private:
    void run(ServiceRequest request, bool allow_internal, Done done);
    std::string_view business_of(std::string_view plugin, std::string_view operation) const;
    // The loaded plugins' non-internal operations, of the plugins `included` accepts.
    std::vector<AvailableOperation> channel_facing(
        const std::function<bool(const std::string& plugin)>& included) const;
    void record(const ServiceRequest& request, std::string_view business,
                const ServiceResult& result, std::chrono::microseconds latency);
    std::optional<ServiceResult> check(ServiceRequest& request, const PluginModule* module,
                                       const OperationSpec* operation, bool allow_internal);

    const Config& config_;
    PluginHost& host_;
    PluginEnablement& enablement_;
    Journal& journal_;
    Metrics& metrics_;
    RateLimiter rate_limiter_;
    boost::asio::thread_pool& workers_;
    DeadlineWatch& deadlines_;
    RunningPluginCalls running_calls_;
};

}  // namespace ehall
