// Which plugin is enabled on which channel: persisted in the store, so every gateway
// instance sees a change at once, and every change audited.
#pragma once

#include <array>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "gateway/sql.hpp"

namespace ehall {

inline constexpr std::array<std::string_view, 3> known_channels = {"web", "sms", "kiosk"};
bool is_known_channel(std::string_view channel);

class PluginEnablement {
public:
    explicit PluginEnablement(Store& store) : store_(store) {}

    // First sight of a plugin: enable it on `default_channels`, disable it elsewhere.
    // Existing rows are kept: an ops decision survives restarts.
    void register_plugin(const std::string& plugin, const std::vector<std::string>& default_channels);
    bool enabled(const std::string& plugin, std::string_view channel);
    std::map<std::string, bool> channels(const std::string& plugin);
    // Sets the state on `channels` and audits the change under `actor`. Returns the state
    // after the change.
    std::map<std::string, bool> set(const std::string& plugin,
                                    const std::vector<std::string>& channels, bool enabled,
                                    const std::string& actor);

private:
    Store& store_;
};

}  // namespace ehall
