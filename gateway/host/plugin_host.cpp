#include "gateway/host/plugin_host.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "gateway/base/install_paths.hpp"
#include "gateway/host/plugin_enablement.hpp"
#include "gateway/host/start_order.hpp"
#include "gateway/store/migrations.hpp"

namespace ehall {

namespace {

bool valid_plugin_id(const std::string& id) {
    if (id.empty() || id.size() > 32)
        return false;
    for (char c : id) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
            return false;
    }
    return true;
}

}  // namespace

std::filesystem::path configured_module_dirs(const Config& config) {
    if (!config.plugins.dir.empty())
        return config.plugins.dir;
    const auto dir = executable_dir();
    return dir.empty() ? std::filesystem::path("build/plugins") : dir / "plugins";
}

PluginHost::PluginHost(Store& store, const Config& config, std::filesystem::path module_dir)
    : store_(store), config_(config), module_dir_(std::move(module_dir)) {}

PluginHost::~PluginHost() {
    stop();
}

void PluginHost::start() {
    for (const auto& [id, section] : config_.plugins.settings.items()) {
        if (std::find(config_.plugins.modules.begin(), config_.plugins.modules.end(), id) ==
            config_.plugins.modules.end()) {
            throw ConfigError("config key 'plugins.config." + id +
                              "': no such plugin in plugins.modules");
        }
    }
    std::vector<std::unique_ptr<PluginModule>> loaded;
    std::vector<PluginDependencies> dependencies;
    for (const auto& id : config_.plugins.modules) {
        if (!valid_plugin_id(id)) {
            throw ConfigError("config key 'plugins.modules': invalid plugin id '" + id + "'");
        }
        try {
            loaded.push_back(PluginModule::load(find_module_file(module_dir_, id), id));
        } catch (const std::exception& e) {
            spdlog::error("plugin {} refused: {}", id, e.what());
            refused_.emplace_back(id, e.what());
            continue;
        }
        dependencies.push_back({id, loaded.back()->manifest().depends_on});
    }
    PluginEnablement enablement(store_);
    for (std::size_t index : start_order(dependencies))
        start_module(std::move(loaded[index]), enablement);
}

void PluginHost::start_module(std::unique_ptr<PluginModule> module, PluginEnablement& enablement) {
    const std::string id = module->manifest().id;
    apply_migrations(store_, "plugin:" + id, module->manifest().migrations);
    nlohmann::json section = config_.plugins.settings.value(id, nlohmann::json::object());
    auto context = std::make_unique<HostContext>(store_, section, config_.demo(), id);
    try {
        module->plugin().start(*context);
    } catch (const std::invalid_argument& e) {
        throw ConfigError("config key 'plugins.config." + id + "': " + e.what());
    }
    enablement.register_plugin(id, config_.plugins.default_channels);
    spdlog::info("plugin {} {} started with {} operations", id, module->manifest().version,
                 module->manifest().operations.size());
    ids_.push_back(id);
    running_.push_back({std::move(module), std::move(context)});
}

void PluginHost::stop() {
    while (!running_.empty()) {
        auto& last = running_.back();
        try {
            last.module->plugin().stop();
        } catch (const std::exception& e) {
            spdlog::error("plugin {} failed to stop: {}", last.module->manifest().id, e.what());
        }
        running_.pop_back();
    }
    ids_.clear();
}

void PluginHost::connect_dispatch(const HostContext::Dispatch& dispatch) {
    for (auto& running : running_)
        running.context->connect_dispatch(dispatch);
}

PluginModule* PluginHost::find(std::string_view id) const {
    for (const auto& running : running_) {
        if (running.module->manifest().id == id)
            return running.module.get();
    }
    return nullptr;
}

}  // namespace ehall
