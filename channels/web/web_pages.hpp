// The online hall's pages (DESIGN §6): login, home, one page per enabled operation (its
// form generated from the manifest), results, "my records" and logout. Plain HTML forms
// that work without JavaScript; every form carries a CSRF token (a wrong or missing one is
// answered 403 and changes nothing): the session's token once logged in, and before that
// a login token in a short-lived cookie that the form must repeat.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>

#include "channels/web/web_login.hpp"
#include "gateway/dispatch/dispatcher.hpp"
#include "gateway/dispatch/placement_slot.hpp"
#include "gateway/host/plugin_host.hpp"
#include "gateway/html/page_templates.hpp"
#include "gateway/http/form_body.hpp"
#include "gateway/http/router.hpp"
#include "gateway/journal/journal.hpp"

namespace ehall {

class WebPages {
  public:
    WebPages(Dispatcher& dispatcher, WebLogin& login, Store& store, PluginHost& host,
             Journal& journal, const PageTemplates& templates)
        : dispatcher_(dispatcher),
          login_(login),
          store_(store),
          host_(host),
          journal_(journal),
          templates_(templates),
          placement_slot_(dispatcher) {}

    void add_routes(Router& router);

  private:
    HttpResponse login_form(const Exchange& exchange);
    HttpResponse login_submit(const Exchange& exchange);
    HttpResponse send_code_submit(const Exchange& exchange);  // "send me a code"
    HttpResponse logout(const Exchange& exchange);
    // With the recommended-offer banner from the offer slot (placement web_home), if any.
    void home(const Exchange& exchange, Reply& reply);
    HttpResponse records(const Exchange& exchange);
    HttpResponse operation_form(const Exchange& exchange);
    void operation_submit(const Exchange& exchange, Reply& reply);

    // The request's live session from its cookie, or nothing (send the browser to /login).
    std::optional<CustomerSession> page_session(const Exchange& exchange);
    // The posted form, or nothing (403 page in `refusal`) unless its CSRF token is the session's.
    std::optional<FormFields> checked_form(const Exchange& exchange, const CustomerSession& session,
                                           HttpResponse* refusal);

    // The layout's data for a logged-in page: title, navigation, logout form.
    nlohmann::json frame(const CustomerSession& session, std::string_view title,
                         std::string_view current) const;
    HttpResponse page(http::status status, std::string_view name, const nlohmann::json& data) const;
    HttpResponse message_page(http::status status, const CustomerSession* session,
                              std::string_view title, std::string_view message) const;
    // The web-enabled operation of the request's path, or nothing.
    std::optional<AvailableOperation> requested_operation(const Exchange& exchange);
    std::string operation_title(const std::string& plugin, const std::string& operation) const;

    Dispatcher& dispatcher_;
    WebLogin& login_;
    Store& store_;
    PluginHost& host_;
    Journal& journal_;
    const PageTemplates& templates_;
    PlacementSlot placement_slot_;
};

}  // namespace ehall
