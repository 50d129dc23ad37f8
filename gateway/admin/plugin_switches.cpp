#include "gateway/admin/plugin_switches.hpp"

namespace ehall {

nlohmann::json PluginSwitches::list() const {
    nlohmann::json plugins = nlohmann::json::array();
    for (const auto& id : host_.ids()) {
        const Manifest& manifest = host_.find(id)->manifest();
        nlohmann::json operations = nlohmann::json::array();
        for (const auto& op : manifest.operations) {
            operations.push_back({{"name", op.name},
                                  {"title", op.title},
                                  {"business", op.business},
                                  {"needs_customer", op.needs_customer},
                                  {"needs_confirmation", op.asks_confirmation()},
                                  {"charges_customer", op.charges_customer},
                                  {"sms_keywords", op.sms_keywords}});
        }
        nlohmann::json admin_operations = nlohmann::json::array();
        for (const auto& op : manifest.admin_operations) {
            nlohmann::json params = nlohmann::json::array();
            for (const auto& param : op.params)
                params.push_back({{"name", param.name},
                                  {"label", param.label},
                                  {"json", param.type == ParamType::json}});
            admin_operations.push_back({{"name", op.name},
                                        {"title", op.title},
                                        {"params", params},
                                        {"path", "/admin/v1/plugins/" + id + "/ops/" + op.name}});
        }
        plugins.push_back({{"id", id},
                           {"name", manifest.name},
                           {"version", manifest.version},
                           {"depends_on", manifest.depends_on},
                           {"channels", enablement_.channels(id)},
                           {"operations", operations},
                           {"admin_operations", admin_operations}});
    }
    nlohmann::json refused = nlohmann::json::array();
    for (const auto& [id, reason] : host_.refused())
        refused.push_back({{"id", id}, {"reason", reason}});
    return {{"plugins", plugins}, {"refused", refused}};
}

ServiceResult PluginSwitches::set(const std::string& id, const std::vector<std::string>& channels,
                                  bool enabled, const std::string& actor) {
    if (!host_.find(id))
        return ServiceResult::error("not_found", "no such plugin");
    if (channels.empty()) {
        return ServiceResult::error("bad_request",
                                    "expected {\"channels\": [\"web\", \"sms\", \"kiosk\"]}");
    }
    for (const auto& channel : channels) {
        if (!is_known_channel(channel)) {
            return ServiceResult::error(
                "bad_request",
                "unknown channel " + nlohmann::json(channel).dump() + "; use web, sms or kiosk");
        }
    }
    auto after = enablement_.set(id, channels, enabled, actor);
    return ServiceResult::ok({{"plugin", id}, {"channels", after}});
}

}  // namespace ehall
