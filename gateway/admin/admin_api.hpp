// The ops API under /admin/v1 (DESIGN §6): plugins and their per-channel state, the
// audit trail, terminals. Every route needs `Authorization: Bearer <admin token>`; the
// CLI (`ehall plugins ...`) uses these routes. Each reads its request and calls the same
// code as the ops console (PluginSwitches, list_audit, list_terminals).
#pragma once

#include <boost/asio/thread_pool.hpp>

#include "gateway/admin/ops_accounts.hpp"
#include "gateway/admin/plugin_switches.hpp"
#include "gateway/config/config.hpp"
#include "gateway/host/plugin_enablement.hpp"
#include "gateway/host/plugin_host.hpp"
#include "gateway/http/router.hpp"

namespace ehall {

class AdminApi {
  public:
    AdminApi(const Config& config, Store& store, PluginHost& host, PluginEnablement& enablement,
             boost::asio::thread_pool& workers)
        : config_(config),
          store_(store),
          plugins_(host, enablement),
          workers_(workers),
          accounts_(store) {}

    void add_routes(Router& router);
    // What the plugin routes call, for the ops console to call as well.
    PluginSwitches& plugins() { return plugins_; }

  private:
    HttpResponse set_plugin(const Exchange& exchange, bool enabled, const std::string& actor);
    HttpResponse audit(const Exchange& exchange);
    HttpResponse terminals();
    HttpResponse create_account(const Exchange& exchange, const std::string& actor);

    const Config& config_;
    Store& store_;
    PluginSwitches plugins_;
    boost::asio::thread_pool& workers_;
    OpsAccounts accounts_;
};

}  // namespace ehall
