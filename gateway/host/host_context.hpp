// The PluginContext a started plugin receives.
#pragma once

#include <spdlog/logger.h>
#include <memory>

#include "gateway/plugin_api.hpp"

namespace ehall {

class HostContext : public PluginContext {
  public:
    HostContext(Store& store, nlohmann::json config, bool demo, const std::string& plugin_id);
    Store& store() override { return store_; }
    const nlohmann::json& config() const override { return config_; }
    bool demo_mode() const override { return demo_; }
    void log(LogLevel level, std::string_view message) override;

  private:
    Store& store_;
    nlohmann::json config_;
    bool demo_;
    std::shared_ptr<spdlog::logger> logger_;
};

}  // namespace ehall
