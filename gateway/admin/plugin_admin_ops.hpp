// Plugins' admin operations (DESIGN §4a): POST /admin/v1/plugins/{id}/ops/{operation} with
// JSON params and the admin token. The host checks the params against the manifest's
// admin_operations, runs the plugin's invoke_admin within the operation's timeout and
// audits every call (who, which operation, the params, the result code). The route and the
// ops console both call run().
#pragma once

#include <boost/asio/thread_pool.hpp>

#include "gateway/config/config.hpp"
#include "gateway/host/plugin_host.hpp"
#include "gateway/http/router.hpp"

namespace ehall {

class PluginAdminOps {
  public:
    PluginAdminOps(const Config& config, Store& store, PluginHost& host,
                   boost::asio::thread_pool& workers)
        : config_(config), store_(store), host_(host), workers_(workers) {}

    void add_routes(Router& router);

    // Runs `plugin`'s admin operation `operation` with `params` (a JSON object) as `actor`
    // and audits it: the plugin's result, or not_found (no such plugin), unknown_operation,
    // a params problem (bad_request, ...) or timeout. Blocks the calling worker until the
    // plugin answers or the operation's timeout passes.
    ServiceResult run(const std::string& plugin, const std::string& operation,
                      nlohmann::json params, const std::string& actor,
                      const std::string& request_id);
    // The admin operation's declaration, or null when there is no such plugin or operation.
    const OperationSpec* find(const std::string& plugin, const std::string& operation) const;

  private:
    ServiceResult invoke(PluginModule& module, const ServiceRequest& request);
    void audit(const ServiceRequest& request, const std::string& actor,
               const ServiceResult& result);

    const Config& config_;
    Store& store_;
    PluginHost& host_;
    boost::asio::thread_pool& workers_;
};

}  // namespace ehall
