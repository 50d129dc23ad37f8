#include "gateway/admin/plugin_admin_ops.hpp"

#include <spdlog/spdlog.h>

#include <future>

#include "gateway/dispatch/param_validation.hpp"
#include "gateway/http/json_body.hpp"
#include "gateway/http/result_response.hpp"
#include "gateway/identity/admin_auth.hpp"
#include "gateway/store/ops_audit.hpp"

namespace ehall {

void PluginAdminOps::add_routes(Router& router) {
    router.add(http::verb::post, "/admin/v1/plugins/{id}/ops/{operation}",
               admin_route(config_, workers_, [this](const Exchange& e, const std::string& actor) {
                   nlohmann::json params = nlohmann::json::object();
                   if (!e.request.body().empty()) {
                       auto body = json_object_body(e);
                       if (!body) {
                           return admin_error(http::status::bad_request, "bad_request",
                                              "params must be a JSON object");
                       }
                       params = std::move(*body);
                   }
                   return result_response(run(e.path_param("id"), e.path_param("operation"),
                                              std::move(params), actor, e.request_id));
               }));
}

ServiceResult PluginAdminOps::run(const std::string& plugin, const std::string& operation,
                                  nlohmann::json params, const std::string& actor,
                                  const std::string& request_id) {
    PluginModule* module = host_.find(plugin);
    if (!module)
        return ServiceResult::error("not_found", "no such plugin");
    const OperationSpec* spec = module->manifest().find_admin(operation);
    if (!spec)
        return ServiceResult::error("unknown_operation", "the plugin has no such admin operation");
    if (auto problem = validate_params(*spec, params))
        return ServiceResult::error(problem->code, problem->message);

    ServiceRequest request;
    request.channel = "admin";
    request.plugin = module->manifest().id;
    request.operation = spec->name;
    request.params = std::move(params);
    request.request_id = request_id;
    ServiceResult result = invoke(*module, request);
    audit(request, actor, result);
    return result;
}

const OperationSpec* PluginAdminOps::find(const std::string& plugin,
                                          const std::string& operation) const {
    PluginModule* module = host_.find(plugin);
    return module ? module->manifest().find_admin(operation) : nullptr;
}

// On a worker, which waits for the plugin's answer: admin operations are rare and their
// caller, ops staff, waits for the answer anyway.
ServiceResult PluginAdminOps::invoke(PluginModule& module, const ServiceRequest& request) {
    auto answer = std::make_shared<std::promise<ServiceResult>>();
    auto future = answer->get_future();
    try {
        module.plugin().invoke_admin(
            request, [answer](ServiceResult result) { answer->set_value(std::move(result)); });
    } catch (const std::exception& e) {
        spdlog::error("plugin {} admin operation {} threw: {}", request.plugin, request.operation,
                      e.what());
        return ServiceResult::error("internal_error");
    }
    if (future.wait_for(config_.timeout_for(request.plugin, request.operation)) !=
        std::future_status::ready) {
        return ServiceResult::error("timeout", "the plugin did not answer in time");
    }
    return future.get();
}

void PluginAdminOps::audit(const ServiceRequest& request, const std::string& actor,
                           const ServiceResult& result) {
    store_.write([&](Transaction& tx) {
        record_audit(tx, actor, "plugin.op." + request.operation, request.plugin,
                     request.params.dump(), nlohmann::json{{"code", result.code}}.dump());
    });
}

}  // namespace ehall
