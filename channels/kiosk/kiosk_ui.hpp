// The bundled touch UI under /kiosk/ui for portrait kiosk screens (templates/kiosk,
// /static/kiosk.css and kiosk.js). Only a browser activated with the terminal's one-time
// code gets it: GET/POST /kiosk/ui/activate redeem the code for a device cookie
// (kiosk_devices.hpp); every other route answers 303 to the activation page without one.
// Forms carry the device's CSRF token. The screens call the kiosk service (kiosk_service.hpp)
// that the signed kiosk API calls, as the device's terminal and as the touch UI (which never
// sets an amount of cash); the identified customer's token rides in a second HttpOnly cookie.
//   GET  /kiosk/ui                        start: identify (number + password) or pay in cash
//   POST /kiosk/ui/identify               -> services tiles (with the offer popup)
//   GET  /kiosk/ui/services               services tiles of the identified customer
//   GET  /kiosk/ui/services/{p}/{o}       an operation's form; POST runs it -> receipt
//   GET  /kiosk/ui/cash                   cash bill payment: the number
//   POST /kiosk/ui/cash                   -> masked name to confirm
//   POST /kiosk/ui/cash/intake            opens a cash intake for the number -> 303 to it
//   GET  /kiosk/ui/cash/intakes/{id}      insert cash: the total the acceptor reported
//   POST /kiosk/ui/cash/intakes/{id}/pay  pays that total -> receipt
//   POST /kiosk/ui/end                    ends the customer session, back to start
// Every screen but start counts down kiosk.ui_idle_seconds, then posts /kiosk/ui/end; the
// insert-cash screen only until cash is in.
#pragma once

#include <boost/asio/thread_pool.hpp>
#include <filesystem>
#include <memory>

#include "channels/kiosk/kiosk_devices.hpp"
#include "channels/kiosk/kiosk_service.hpp"
#include "gateway/config/config.hpp"
#include "gateway/html/page_templates.hpp"
#include "gateway/http/form_body.hpp"
#include "gateway/http/router.hpp"
#include "gateway/identity/customer_sessions.hpp"

namespace ehall {

class KioskUi {
  public:
    KioskUi(const Config& config, Store& store, KioskService& service,
            boost::asio::thread_pool& workers, const std::filesystem::path& templates_root)
        : devices_(store),
          customers_(store, config.kiosk.customer_idle),
          service_(service),
          workers_(workers),
          pages_(templates_root, "kiosk"),
          idle_seconds_(config.kiosk.ui_idle.count()) {}

    void add_routes(Router& router);

  private:
    // What a screen gets: the request, its form fields (POST), the activated device, and
    // the customer token from the cookie (empty when nobody is identified).
    struct Visit {
        HeldExchange exchange;
        FormFields form;
        KioskDevice device;
        std::string customer_token;
    };
    // Shared: a screen's call may finish on another thread, after the screen returned.
    using VisitPtr = std::shared_ptr<const Visit>;
    using Screen = void (KioskUi::*)(const VisitPtr& visit, Reply& reply);
    Handler device_route(Screen screen);

    void activation_page(const Exchange& exchange, Reply& reply);
    HttpResponse activate(const Exchange& exchange);

    void start(const VisitPtr& visit, Reply& reply);
    void identify(const VisitPtr& visit, Reply& reply);
    void services(const VisitPtr& visit, Reply& reply);
    void operation_form(const VisitPtr& visit, Reply& reply);
    void run_operation(const VisitPtr& visit, Reply& reply);
    void cash_number(const VisitPtr& visit, Reply& reply);
    void cash_confirm(const VisitPtr& visit, Reply& reply);
    void cash_open(const VisitPtr& visit, Reply& reply);
    void cash_insert(const VisitPtr& visit, Reply& reply);
    void cash_pay(const VisitPtr& visit, Reply& reply);
    void end(const VisitPtr& visit, Reply& reply);

    // The visit's call of the kiosk service: its terminal, as the touch UI.
    static KioskCall call_of(const Visit& visit);
    // Continues a screen on a worker after a call finished elsewhere (the sign-in gate); when
    // `step` throws with the Reply still there, a 500 goes.
    void on_workers(Reply reply, std::function<void(Reply& reply)> step);
    // The live customer session of the visit's token on this terminal.
    bool customer_present(const Visit& visit);
    // The enabled kiosk operations, then `done` with the list.
    void with_services(const VisitPtr& visit, Reply& reply,
                       std::function<void(const nlohmann::json& services, Reply& reply)> done);
    // The tiles page; `identified` is identify's data (masked name, offer) or null;
    // `set_cookie` a Set-Cookie value to send along (empty: none).
    void render_services(const VisitPtr& visit, nlohmann::json identified, std::string set_cookie,
                         Reply& reply);
    // 303 to the start screen, clearing the customer cookie.
    static HttpResponse back_to_start();
    // The Set-Cookie value holding an identified customer's token (empty: clears it).
    static std::string customer_cookie(std::string_view token);
    // `plugin`: the manifest of the plugin that answered, whose words label its details;
    // none when no operation ran.
    void render_receipt(const VisitPtr& visit, const KioskResult& result, const Manifest* plugin,
                        Reply& reply);
    // Fields every page uses (title, CSRF token, terminal, idle countdown unless `data` has
    // its own) plus `data`.
    nlohmann::json page_data(const Visit& visit, const std::string& title,
                             nlohmann::json data = nlohmann::json::object()) const;
    HttpResponse page(http::status status, const std::string& name,
                      const nlohmann::json& data) const;

    KioskDevices devices_;
    CustomerSessions customers_;
    KioskService& service_;
    boost::asio::thread_pool& workers_;
    PageTemplates pages_;
    std::int64_t idle_seconds_;
};

}  // namespace ehall
