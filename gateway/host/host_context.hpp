// The PluginContext a started plugin receives. Its invoke_operation goes to the dispatch
// function connected once the gateway's Dispatcher exists (before the listeners open).
#pragma once

#include <spdlog/logger.h>
#include <functional>
#include <memory>

#include <ehall/plugin.hpp>

namespace ehall {

class HostContext : public PluginContext {
  public:
    HostContext(Store& store, nlohmann::json config, bool demo, const std::string& plugin_id);
    Store& store() override { return store_; }
    const nlohmann::json& config() const override { return config_; }
    bool demo_mode() const override { return demo_; }
    void log(LogLevel level, std::string_view message) override;
    void invoke_operation(ServiceRequest request, std::function<void(ServiceResult)> done) override;

    using Dispatch = std::function<void(ServiceRequest, std::function<void(ServiceResult)>)>;
    void connect_dispatch(Dispatch dispatch) { dispatch_ = std::move(dispatch); }

  private:
    Store& store_;
    nlohmann::json config_;
    bool demo_;
    std::shared_ptr<spdlog::logger> logger_;
    Dispatch dispatch_;
};

}  // namespace ehall
