#include "tests/plugin_tests/plugin_harness.hpp"

#include <future>

#include <ehall/clock.hpp>
#include "gateway/base/random_token.hpp"
#include "gateway/dispatch/param_validation.hpp"
#include "gateway/host/host_context.hpp"
#include "gateway/store/core_schema.hpp"
#include "gateway/store/demo_data.hpp"
#include "gateway/store/migrations.hpp"
#include "tests/support/test_database.hpp"

namespace ehall::test {

PluginHarness::PluginHarness(const std::string& plugin_id, nlohmann::json config,
                             const std::vector<std::string>& companions)
    : dir_(std::filesystem::temp_directory_path() / ("ehall-plugin-" + random_hex(6))) {
    std::filesystem::create_directories(dir_);
    try {
        open(plugin_id, std::move(config), companions);
    } catch (...) {
        module_.reset();
        companions_.clear();
        store_.reset();
        std::filesystem::remove_all(dir_);
        throw;
    }
}

std::unique_ptr<PluginModule> PluginHarness::load(const std::string& plugin_id) {
    auto module = PluginModule::load(std::filesystem::path(EHALL_PLUGIN_DIR) / (plugin_id + ".so"),
                                     plugin_id);
    apply_migrations(*store_, "plugin:" + plugin_id, module->manifest().migrations);
    return module;
}

void PluginHarness::open(const std::string& plugin_id, nlohmann::json config,
                         const std::vector<std::string>& companions) {
    store_ = open_test_store(dir_ / "ehall.db");
    apply_migrations(*store_, "core", core_migrations());
    load_demo_data(*store_, now_ms());
    auto dispatch = [this](ServiceRequest request, Plugin::Done done) {
        this->dispatch(std::move(request), std::move(done));
    };
    for (const auto& id : companions) {
        companions_.push_back(load(id));
        companion_contexts_.push_back(
            std::make_unique<HostContext>(*store_, nlohmann::json::object(), true, id));
        companion_contexts_.back()->connect_dispatch(dispatch);
        companions_.back()->plugin().start(*companion_contexts_.back());
    }
    module_ = load(plugin_id);
    context_ = std::make_unique<HostContext>(*store_, std::move(config), true, plugin_id);
    context_->connect_dispatch(dispatch);
    module_->plugin().start(*context_);
}

void PluginHarness::dispatch(ServiceRequest request, Plugin::Done done) {
    {
        std::lock_guard lock(dispatched_mutex_);
        dispatched_.push_back(request);
    }
    PluginModule* target = module_->manifest().id == request.plugin ? module_.get() : nullptr;
    for (auto& companion : companions_) {
        if (companion->manifest().id == request.plugin)
            target = companion.get();
    }
    if (!target)
        return done(ServiceResult::error("not_found", "no such plugin"));
    const OperationSpec* operation = target->manifest().find(request.operation);
    if (!operation || operation->internal)
        return done(ServiceResult::error("unknown_operation"));
    if (auto problem = validate_params(*operation, request.params))
        return done(ServiceResult::error(problem->code, problem->message));
    target->plugin().invoke(request, std::move(done));
}

std::vector<ServiceRequest> PluginHarness::dispatched() {
    std::lock_guard lock(dispatched_mutex_);
    return dispatched_;
}

PluginHarness::~PluginHarness() {
    module_->plugin().stop();
    module_.reset();
    for (auto& companion : companions_)
        companion->plugin().stop();
    companions_.clear();
    store_.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
}

ServiceResult PluginHarness::call(const Call& call) {
    ServiceRequest request;
    request.channel = call.channel;
    request.customer = call.customer;
    request.plugin = manifest().id;
    request.operation = call.operation;
    request.params = call.params;
    request.idempotency_key = call.idempotency_key;
    request.terminal_id = call.terminal_id;
    request.session_id = call.session_id;
    request.received_at = call.received_at;
    request.request_id = random_hex(8);
    const OperationSpec* operation = manifest().find(call.operation);
    if (!operation)
        return ServiceResult::error("unknown_operation");
    if (auto problem = validate_params(*operation, request.params)) {
        return ServiceResult::error(problem->code, problem->message);
    }
    auto promise = std::make_shared<std::promise<ServiceResult>>();
    auto future = promise->get_future();
    plugin().invoke(request,
                    [promise](ServiceResult result) { promise->set_value(std::move(result)); });
    return future.get();
}

ServiceResult PluginHarness::admin(const std::string& operation, nlohmann::json params) {
    ServiceRequest request;
    request.channel = "admin";
    request.plugin = manifest().id;
    request.operation = operation;
    request.params = std::move(params);
    request.request_id = random_hex(8);
    const OperationSpec* spec = manifest().find_admin(operation);
    if (!spec)
        return ServiceResult::error("unknown_operation");
    if (auto problem = validate_params(*spec, request.params))
        return ServiceResult::error(problem->code, problem->message);
    auto promise = std::make_shared<std::promise<ServiceResult>>();
    auto future = promise->get_future();
    plugin().invoke_admin(
        request, [promise](ServiceResult result) { promise->set_value(std::move(result)); });
    return future.get();
}

void PluginHarness::restart() {
    plugin().stop();
    plugin().start(*context_);
}

ServiceResult PluginHarness::call(const std::string& operation, nlohmann::json params) {
    return call(Call{.operation = operation, .params = std::move(params)});
}

std::int64_t PluginHarness::scalar(const std::string& sql, const SqlParams& params) {
    std::int64_t value = 0;
    store_->read([&](Transaction& tx) {
        auto rows = tx.query(sql, params);
        if (!rows.empty())
            value = rows.front().integer("value");
    });
    return value;
}

}  // namespace ehall::test
