// The ops console under /admin (issue 10): pages for operations staff to switch plugins per
// channel, read the audit trail, manage kiosk terminals and watch live traffic. People
// sign in with a named ops account or the admin token; the session lives in the store
// (channel "ops"), its cookie is HttpOnly and SameSite=Strict, and every form carries the
// session's CSRF token. Every read and action is an in-process call of the /admin/v1 API
// (admin_call.hpp), so the console reaches the store only the way the CLI does.
#pragma once

#include <boost/asio/thread_pool.hpp>
#include <functional>
#include <optional>

#include "gateway/admin/ops_accounts.hpp"
#include "gateway/base/metrics.hpp"
#include "gateway/config/config.hpp"
#include "gateway/console/admin_call.hpp"
#include "gateway/console/traffic_history.hpp"
#include "gateway/html/page_templates.hpp"
#include "gateway/http/form_body.hpp"
#include "gateway/http/router.hpp"
#include "gateway/identity/customer_sessions.hpp"
#include "gateway/identity/sign_in_gate.hpp"

namespace ehall {

inline constexpr std::string_view ops_cookie_name = "ehall_ops";

class OpsConsole {
  public:
    OpsConsole(const Config& config, Store& store, const Router& router, const PageTemplates& pages,
               Metrics& metrics, TrafficHistory& traffic, boost::asio::thread_pool& workers,
               SignInGate& sign_in_gate)
        : config_(config),
          store_(store),
          router_(router),
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
    HttpResponse admin_failure(const Staff& staff, const AdminRouteReply& failed) const;

    const Config& config_;
    Store& store_;
    const Router& router_;
    const PageTemplates& pages_;
    Metrics& metrics_;
    TrafficHistory& traffic_;
    boost::asio::thread_pool& workers_;
    SignInGate& sign_in_gate_;  // sign-ins (ops accounts' argon2id) run there
    CustomerSessions sessions_;
    OpsAccounts accounts_;
};

}  // namespace ehall
