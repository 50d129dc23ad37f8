#include "gateway/dispatch/operation_json.hpp"

namespace ehall {

namespace {

nlohmann::json param_json(const ParamSpec& spec) {
    static const char* type_names[] = {"text",  "integer", "amount", "msisdn",
                                       "phone", "digits",  "choice"};
    nlohmann::json param = {{"name", spec.name},
                            {"type", type_names[static_cast<int>(spec.type)]},
                            {"required", spec.required},
                            {"label", spec.label}};
    if (spec.max > spec.min) {
        param["min"] = spec.min;
        param["max"] = spec.max;
    }
    if (!spec.choices.empty())
        param["choices"] = spec.choices;
    return param;
}

}  // namespace

nlohmann::json operation_json(const AvailableOperation& available, std::string_view path_prefix) {
    const Manifest& plugin = *available.plugin;
    const OperationSpec& operation = *available.operation;
    nlohmann::json params = nlohmann::json::array();
    for (const auto& spec : operation.params)
        params.push_back(param_json(spec));
    std::string path(path_prefix);
    path.append(plugin.id).append("/").append(operation.name);
    return {{"plugin", plugin.id},
            {"plugin_name", plugin.name},
            {"operation", operation.name},
            {"title", operation.title},
            {"business", operation.business},
            {"needs_customer", operation.needs_customer},
            {"contextual", operation.contextual},
            {"params", params},
            {"path", path}};
}

}  // namespace ehall
