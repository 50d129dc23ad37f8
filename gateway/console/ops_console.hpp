// The ops console under /admin (issue 10): pages for operations staff to switch plugins per
// channel, read the audit trail, manage kiosk terminals and watch live traffic. People
// sign in with a named ops account or the admin token; the session lives in the store
// (channel "ops"), its cookie is HttpOnly and SameSite=Strict, and every form carries the
// session's CSRF token. Every read and action calls the code the /admin/v1 routes call
// (OpsServices), as the signed-in account, so it is checked and audited as over the API.
#pragma once

#include <boost/asio/thread_pool.hpp>
#include <functional>
#include <optional>

#include "channels/kiosk/terminal_admin.hpp"
#include "gateway/admin/ops_accounts.hpp"
#include "gateway/admin/plugin_admin_ops.hpp"
#include "gateway/admin/plugin_switches.hpp"
#include "gateway/base/metrics.hpp"
#include "gateway/config/config.hpp"
#include "gateway/console/traffic_history.hpp"
#include "gateway/html/page_templates.hpp"
#include "gateway/http/form_body.hpp"
#include "gateway/http/router.hpp"
#include "gateway/identity/customer_sessions.hpp"
#include "gateway/identity/sign_in_gate.hpp"

namespace ehall {

inline constexpr std::string_view ops_cookie_name = "ehall_ops";

// What the console reads and changes, shared with the /admin/v1 routes.
struct OpsServices {
    PluginSwitches& plugins;
    PluginAdminOps& plugin_ops;
    TerminalAdmin& terminals;
};

class OpsConsole {
  public:
    OpsConsole(const Config& config, Store& store, OpsServices services, const PageTemplates& pages,
               Metrics& metrics, TrafficHistory& traffic, boost::asio::thread_pool& workers,
               SignInGate& sign_in_gate)
        : config_(config),
          store_(store),
          services_(services),
          pages_(pages),
          metrics_(metrics),
          traffic_(traffic),
          workers_(workers),
          sign_in_gate_(sign_in_gate),
          sessions_(store, std::chrono::minutes(30)),
          accounts_(store) {}

    void add_routes(Router& router);

  private:
    struct Staff {
        std::string actor;
        std::string csrf;
    };
    // A page or action for a signed-in person; `form` holds the POST body's fields.
    using StaffWork = std::function<void(OpsConsole&, const Staff&, const Exchange&,
                                         const FormFields& form, Reply)>;
    Handler for_staff(StaffWork work, bool is_action);
    std::optional<Staff> signed_in(const Exchange& exchange);

    HttpResponse login_page(const Exchange& exchange, const std::string& error,
                            http::status status = http::status::ok);
    HttpResponse login(const Exchange& exchange);
    // "ok", "unauthenticated" or "locked" (`source` must wait before the next try).
    std::string admin_token_sign_in(const std::string& token, const std::string& source);
    HttpResponse logout(const Exchange& exchange);

    void plugins_page(const Staff& staff, const Exchange& exchange, Reply reply);
    void plugin_page(const Staff& staff, const Exchange& exchange, Reply reply);
    void confirm_switch(const Staff& staff, const Exchange& exchange, Reply reply);
    void run_plugin_operation(const Staff& staff, const Exchange& exchange, const FormFields& form,
                              Reply reply);
    void switch_plugin(const Staff& staff, const Exchange& exchange, const FormFields& form,
                       Reply reply);
    void audit_page(const Staff& staff, const Exchange& exchange, Reply reply);
    void terminals_page(const Staff& staff, const Exchange& exchange, Reply reply);
    void terminal_action(const Staff& staff, const Exchange& exchange, const FormFields& form,
                         Reply reply);
    void traffic_page(const Staff& staff, Reply reply);

    // The page `name` in the console's layout (navigation, sign-out form).
    HttpResponse page(const Staff& staff, const std::string& name, nlohmann::json data,
                      http::status status = http::status::ok) const;
    // The refusal page of an action that did not succeed.
    HttpResponse admin_failure(const Staff& staff, const ServiceResult& failed) const;

    const Config& config_;
    Store& store_;
    OpsServices services_;
    const PageTemplates& pages_;
    Metrics& metrics_;
    TrafficHistory& traffic_;
    boost::asio::thread_pool& workers_;
    SignInGate& sign_in_gate_;  // sign-ins (ops accounts' argon2id) run there
    CustomerSessions sessions_;
    OpsAccounts accounts_;
};

}  // namespace ehall
