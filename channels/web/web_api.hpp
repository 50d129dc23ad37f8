// The online hall's JSON API (DESIGN §6): login, logout, the enabled services and
// running an operation. A client authenticates with `Authorization: Bearer <token>` or
// with the session cookie; cookie requests must also carry the session's CSRF token in
// `X-CSRF-Token`, so another site cannot make a customer's browser call the API.
#pragma once

#include "channels/web/web_login.hpp"
#include "gateway/dispatch/dispatcher.hpp"
#include "gateway/dispatch/placement_slot.hpp"
#include "gateway/http/router.hpp"

namespace ehall {

class WebApi {
  public:
    WebApi(Dispatcher& dispatcher, WebLogin& login)
        : dispatcher_(dispatcher), login_(login), placement_slot_(dispatcher) {}

    void add_routes(Router& router);

  private:
    // A successful login's data carries `offer` (an offer to show, or null).
    void login(const Exchange& exchange, Reply& reply);
    HttpResponse logout(const Exchange& exchange);
    HttpResponse services();
    void invoke(const Exchange& exchange, Reply reply);
    // The session of the request's bearer token or cookie, and the token itself.
    std::optional<CustomerSession> authenticate(const Exchange& exchange, std::string* token,
                                                bool* csrf_ok);

    Dispatcher& dispatcher_;
    WebLogin& login_;
    PlacementSlot placement_slot_;
};

}  // namespace ehall
