// The plugins as ops see and switch them: GET /admin/v1/plugins, POST .../enable and
// .../disable (admin_api.hpp) and the ops console call these directly.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include <ehall/plugin.hpp>
#include "gateway/host/plugin_enablement.hpp"
#include "gateway/host/plugin_host.hpp"

namespace ehall {

class PluginSwitches {
  public:
    PluginSwitches(PluginHost& host, PluginEnablement& enablement)
        : host_(host), enablement_(enablement) {}

    // {"plugins": [{id, name, version, depends_on, channels: {channel: on}, operations,
    // admin_operations}], "refused": [{id, reason}]}, the plugins in load order.
    nlohmann::json list() const;
    bool knows(const std::string& id) const { return host_.find(id) != nullptr; }
    // Switches plugin `id` on or off on `channels` (web, sms, kiosk; at least one), audited
    // under `actor`. data: plugin, channels (the plugin's state after); not_found (no such
    // plugin) or bad_request (no or an unknown channel).
    ServiceResult set(const std::string& id, const std::vector<std::string>& channels, bool enabled,
                      const std::string& actor);

  private:
    PluginHost& host_;
    PluginEnablement& enablement_;
};

}  // namespace ehall
