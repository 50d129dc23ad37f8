#include "gateway/host/plugin_enablement.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "gateway/store/ops_audit.hpp"

namespace ehall {

namespace {

std::map<std::string, bool> read_channels(Transaction& tx, const std::string& plugin) {
    std::map<std::string, bool> state;
    for (const auto& row :
         tx.query("SELECT channel, enabled FROM plugin_channels WHERE plugin = ?", {plugin})) {
        state[row.text("channel")] = row.integer("enabled") != 0;
    }
    return state;
}

}  // namespace

bool is_known_channel(std::string_view channel) {
    return std::find(known_channels.begin(), known_channels.end(), channel) != known_channels.end();
}

void PluginEnablement::register_plugin(const std::string& plugin,
                                       const std::vector<std::string>& default_channels) {
    store_.write([&](Transaction& tx) {
        for (auto channel : known_channels) {
            bool on = std::find(default_channels.begin(), default_channels.end(), channel) !=
                      default_channels.end();
            tx.execute(
                "INSERT INTO plugin_channels (plugin, channel, enabled) VALUES (?, ?, ?) "
                "ON CONFLICT DO NOTHING",
                {plugin, std::string(channel), std::int64_t{on}});
        }
    });
    reload();
}

void PluginEnablement::reload() {
    std::map<std::string, bool, std::less<>> fresh;
    store_.read([&](Transaction& tx) {
        for (const auto& row : tx.query("SELECT plugin, channel, enabled FROM plugin_channels")) {
            fresh[row.text("plugin") + "/" + row.text("channel")] = row.integer("enabled") != 0;
        }
    });
    std::lock_guard lock(snapshot_mutex_);
    if (fresh != snapshot_)
        ++generation_;
    snapshot_ = std::move(fresh);
    loaded_at_ = std::chrono::steady_clock::now();
}

void PluginEnablement::reload_if_stale(std::unique_lock<std::mutex>& lock) {
    if (std::chrono::steady_clock::now() - loaded_at_ >= refresh_after_) {
        lock.unlock();
        reload();
        lock.lock();
    }
}

bool PluginEnablement::enabled(const std::string& plugin, std::string_view channel) {
    std::unique_lock lock(snapshot_mutex_);
    reload_if_stale(lock);
    auto it = snapshot_.find(plugin + "/" + std::string(channel));
    return it != snapshot_.end() && it->second;
}

std::uint64_t PluginEnablement::generation() {
    std::unique_lock lock(snapshot_mutex_);
    reload_if_stale(lock);
    return generation_;
}

std::map<std::string, bool> PluginEnablement::channels(const std::string& plugin) {
    std::map<std::string, bool> state;
    store_.read([&](Transaction& tx) { state = read_channels(tx, plugin); });
    return state;
}

std::map<std::string, bool> PluginEnablement::set(const std::string& plugin,
                                                  const std::vector<std::string>& channels,
                                                  bool enabled, const std::string& actor) {
    std::map<std::string, bool> after;
    store_.write([&](Transaction& tx) {
        auto before = read_channels(tx, plugin);
        for (const auto& channel : channels) {
            tx.execute(
                "INSERT INTO plugin_channels (plugin, channel, enabled) VALUES (?, ?, ?) "
                "ON CONFLICT (plugin, channel) DO UPDATE SET enabled = excluded.enabled",
                {plugin, channel, std::int64_t{enabled}});
        }
        after = read_channels(tx, plugin);
        record_audit(tx, actor, enabled ? "plugin.enable" : "plugin.disable", plugin,
                     nlohmann::json(before).dump(), nlohmann::json(after).dump());
    });
    reload();
    return after;
}

}  // namespace ehall
