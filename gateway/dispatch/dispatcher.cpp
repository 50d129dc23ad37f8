#include "gateway/dispatch/dispatcher.hpp"

#include <spdlog/spdlog.h>
#include <algorithm>
#include <boost/asio/dispatch.hpp>

#include <ehall/clock.hpp>
#include "gateway/base/result_codes.hpp"
#include "gateway/dispatch/guarded_invocation.hpp"
#include "gateway/dispatch/own_interactions.hpp"
#include "gateway/dispatch/param_validation.hpp"

namespace ehall {

namespace {

std::string bounded(const std::string& text) {
    return text.substr(0, 64);
}

std::chrono::microseconds since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() -
                                                                 start);
}

}  // namespace

Dispatcher::Dispatcher(const Config& config, PluginHost& host, PluginEnablement& enablement,
                       Journal& journal, Metrics& metrics, boost::asio::thread_pool& workers,
                       DeadlineWatch& deadlines)
    : config_(config),
      host_(host),
      enablement_(enablement),
      journal_(journal),
      metrics_(metrics),
      rate_limiter_(config.gateway.rate_per_min),
      workers_(workers),
      deadlines_(deadlines) {
    // A plugin's invoke_operation is a channel-like call: no internal operations.
    host_.connect_dispatch([this](ServiceRequest request, Done done) {
        dispatch(std::move(request), std::move(done));
    });
}

std::optional<ServiceResult> Dispatcher::check(ServiceRequest& request, const PluginModule* module,
                                               const OperationSpec* operation,
                                               bool allow_internal) {
    if (!module)
        return ServiceResult::error("not_found", "no such plugin");
    if (!operation || (operation->internal && !allow_internal))
        return ServiceResult::error("unknown_operation", "no such operation");
    if (!enablement_.enabled(request.plugin, request.channel)) {
        return ServiceResult::error("plugin_disabled");
    }
    if (operation->needs_customer && request.customer.empty()) {
        return ServiceResult::error("unauthenticated");
    }
    if (auto problem = validate_params(*operation, request.params)) {
        return ServiceResult::error(problem->code, problem->message);
    }
    if (!request.customer.empty() && !rate_limiter_.allow(request.channel + ":" + request.customer,
                                                          std::chrono::steady_clock::now())) {
        return ServiceResult::error("rate_limited");
    }
    return std::nullopt;
}

void Dispatcher::dispatch(ServiceRequest request, Done done) {
    run(std::move(request), false, std::move(done));
}

void Dispatcher::dispatch_internal(ServiceRequest request, Done done) {
    run(std::move(request), true, std::move(done));
}

void Dispatcher::run(ServiceRequest request, bool allow_internal, Done done) {
    const auto started = std::chrono::steady_clock::now();
    PluginModule* module = host_.find(request.plugin);
    const OperationSpec* operation = module ? module->manifest().find(request.operation) : nullptr;
    std::optional<ServiceResult> refusal;
    try {
        refusal = check(request, module, operation, allow_internal);
    } catch (const std::exception& e) {
        spdlog::error("dispatch checks failed: {}", e.what());
        refusal = ServiceResult::error("internal_error");
    }
    // The manifest outlives every call.
    const std::string_view business = operation ? std::string_view(operation->business) : "other";
    if (refusal) {
        record(request, business, *refusal, since(started));
        return done(std::move(*refusal));
    }
    auto timeout = config_.timeout_for(request.plugin, request.operation);
    auto shared = std::make_shared<const ServiceRequest>(std::move(request));
    auto finished = [this, shared, business, started,
                     done = std::move(done)](ServiceResult result) {
        record(*shared, business, result, since(started));
        done(std::move(result));
    };
    invoke_guarded(module->plugin(), std::move(shared), timeout, workers_, deadlines_,
                   running_calls_, operation->reads_only, std::move(finished));
}

bool Dispatcher::reads_only(std::string_view plugin, std::string_view operation) {
    const PluginModule* module = host_.find(plugin);
    const OperationSpec* spec = module ? module->manifest().find(operation) : nullptr;
    return spec && spec->reads_only;
}

std::vector<AvailableOperation> Dispatcher::channel_facing(
    const std::function<bool(const std::string& plugin)>& included) const {
    std::vector<AvailableOperation> available;
    for (const auto& id : host_.ids()) {
        if (!included(id))
            continue;
        const Manifest& manifest = host_.find(id)->manifest();
        for (const auto& operation : manifest.operations) {
            if (!operation.internal)
                available.push_back({&manifest, &operation});
        }
    }
    return available;
}

std::vector<AvailableOperation> Dispatcher::enabled_operations(std::string_view channel) {
    return channel_facing([this, channel](const std::string& plugin) {
        return enablement_.enabled(plugin, channel);
    });
}

std::vector<AvailableOperation> Dispatcher::loaded_operations() const {
    return channel_facing([](const std::string&) { return true; });
}

const Manifest* Dispatcher::loaded_manifest(std::string_view id) const {
    const PluginModule* plugin = host_.find(id);
    return plugin ? &plugin->manifest() : nullptr;
}

std::vector<Dispatcher::SlotFiller> Dispatcher::placements(std::string_view slot,
                                                           std::string_view channel) {
    std::vector<SlotFiller> fillers;
    for (const auto& id : host_.ids()) {
        if (!enablement_.enabled(id, channel))
            continue;
        const Manifest& manifest = host_.find(id)->manifest();
        for (const auto& placement : manifest.placements) {
            if (placement.slot == slot)
                fillers.push_back({&manifest, &placement});
        }
    }
    return fillers;
}

Dispatcher::KnownNames Dispatcher::known_names(std::string_view plugin,
                                               std::string_view operation) const {
    constexpr std::string_view unknown = "unknown";
    if (const PluginModule* module = host_.find(plugin))
        return {plugin, module->manifest().find(operation) ? operation : unknown};
    if (is_own_family(plugin))
        return {plugin, is_own_interaction(plugin, operation) ? operation : unknown};
    return {unknown, unknown};
}

std::string_view Dispatcher::business_of(std::string_view plugin,
                                         std::string_view operation) const {
    if (const PluginModule* module = host_.find(plugin)) {
        const OperationSpec* spec = module->manifest().find(operation);
        return spec ? std::string_view(spec->business) : "other";
    }
    return own_business(plugin, operation);
}

void Dispatcher::report(const ServiceRequest& request, const ServiceResult& result,
                        std::chrono::steady_clock::time_point started) {
    record(request, business_of(request.plugin, request.operation), result, since(started));
}

void Dispatcher::record(const ServiceRequest& request, std::string_view business,
                        const ServiceResult& result, std::chrono::microseconds latency) {
    // Also keeps hostile paths from growing the metrics' series.
    const KnownNames names = known_names(request.plugin, request.operation);
    metrics_.count_result(names.plugin, names.operation, request.channel, result.code);
    InteractionRecord record;
    record.ts_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                       request.received_at.time_since_epoch())
                       .count();
    record.channel = request.channel;
    record.subchannel = bounded(request.subchannel);
    record.terminal_id = request.terminal_id;
    record.session_id = request.session_id;
    record.request_id = request.request_id;
    record.msisdn = request.customer;
    record.plugin = std::string(names.plugin);
    record.operation = std::string(names.operation);
    record.business = std::string(business);
    record.outcome = std::string(outcome_for(result.code));
    record.code = result.code;
    record.latency_us = latency.count();
    record.amount_fen = result.amount_fen;
    record.offer_id = result.offer_id.empty() ? bounded(request.offer_id) : result.offer_id;
    journal_.append(std::move(record));
}

void Dispatcher::run_blocking(std::function<void()> work) {
    boost::asio::dispatch(workers_, std::move(work));
}

}  // namespace ehall
