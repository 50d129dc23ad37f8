// Which plugin is enabled on which channel: persisted in the store and audited. Each
// request asks enabled(); the answer comes from a snapshot of the table that this instance
// refreshes on its own changes at once and on other instances' changes within
// `refresh_after` (DESIGN §9: the store, not memory, is the truth).
#pragma once

#include <array>
#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include <ehall/store.hpp>

namespace ehall {

inline constexpr std::array<std::string_view, 3> known_channels = {"web", "sms", "kiosk"};
bool is_known_channel(std::string_view channel);

class PluginEnablement {
  public:
    explicit PluginEnablement(Store& store,
                              std::chrono::milliseconds refresh_after = std::chrono::seconds(1))
        : store_(store), refresh_after_(refresh_after) {}

    // First sight of a plugin: enable it on `default_channels`, disable it elsewhere.
    // Existing rows are kept: an ops decision survives restarts.
    void register_plugin(const std::string& plugin,
                         const std::vector<std::string>& default_channels);
    bool enabled(const std::string& plugin, std::string_view channel);
    // Changes whenever the enabled set changes, so callers can keep what they derive from
    // it (e.g. the SMS command table) until then.
    std::uint64_t generation();
    std::map<std::string, bool> channels(const std::string& plugin);
    // Sets the state on `channels` and audits the change under `actor`. Returns the state
    // after the change.
    std::map<std::string, bool> set(const std::string& plugin,
                                    const std::vector<std::string>& channels, bool enabled,
                                    const std::string& actor);

  private:
    void reload();
    void reload_if_stale(std::unique_lock<std::mutex>& lock);

    Store& store_;
    std::chrono::milliseconds refresh_after_;
    std::mutex snapshot_mutex_;
    std::map<std::string, bool, std::less<>> snapshot_;  // "plugin/channel" -> enabled
    std::chrono::steady_clock::time_point loaded_at_{};
    std::uint64_t generation_ = 0;
};

}  // namespace ehall
