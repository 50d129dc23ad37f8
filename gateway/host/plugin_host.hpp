// Loads the configured plugin modules, applies their migrations, starts them (each after
// the plugins it depends on) before the listeners open and stops them, in reverse order,
// after the listeners close.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "gateway/config/config.hpp"
#include "gateway/host/host_context.hpp"
#include "gateway/host/plugin_module.hpp"

namespace ehall {

class PluginEnablement;

// Where the modules are: `plugins.dir`, else the `plugins` directory beside the binary (as
// build/ehall has build/plugins), else build/plugins under the working directory.
std::filesystem::path configured_module_dirs(const Config& config);

class PluginHost {
  public:
    // `module_dir` holds <id>.so files; several directories may be given, ':'-separated.
    PluginHost(Store& store, const Config& config, std::filesystem::path module_dir);
    ~PluginHost();

    // A module that cannot be loaded (missing, ABI mismatch) is logged and left out; a
    // plugin whose config is invalid stops start-up (throws ConfigError).
    void start();
    void stop();

    // Where the running plugins' invoke_operation calls go (the Dispatcher).
    void connect_dispatch(const HostContext::Dispatch& dispatch);

    PluginModule* find(std::string_view id) const;
    const std::vector<std::string>& ids() const { return ids_; }
    // Modules configured but refused at load, with the reason.
    const std::vector<std::pair<std::string, std::string>>& refused() const { return refused_; }

  private:
    void start_module(std::unique_ptr<PluginModule> module, PluginEnablement& enablement);

    struct Running {
        std::unique_ptr<PluginModule> module;
        std::unique_ptr<HostContext> context;
    };

    Store& store_;
    const Config& config_;
    std::filesystem::path module_dir_;
    std::vector<Running> running_;
    std::vector<std::string> ids_;
    std::vector<std::pair<std::string, std::string>> refused_;
};

}  // namespace ehall
