// The kiosk channel's signed JSON API under /kiosk/v1 (DESIGN §6). Every request carries
// the terminal's signature (kiosk_signature.hpp); a refused one gets 401 and is journaled.
// Routes: heartbeat, identify / end_session (a customer token bound to the terminal, idle
// expiry kiosk.customer_idle_seconds), lookup (masked name and amount due before a cash
// payment), services, services/{plugin}/{operation} (results carry receipt data),
// receipts/{no}/reprint, and cash (docs/kiosk-cash.md): cash/intakes (open one for a number),
// cash/intakes/{id} (its total), cash/intakes/{id}/pay, cash/notes (the acceptor's notes).
// Journal: channel kiosk, subchannel the hall, the terminal id. Once the signature is
// accepted, each route reads its request and calls the kiosk service (kiosk_service.hpp),
// which the touch UI calls too.
#pragma once

#include <functional>

#include "channels/kiosk/kiosk_service.hpp"
#include "channels/kiosk/kiosk_signature.hpp"
#include "gateway/http/router.hpp"

namespace ehall {

class KioskApi {
  public:
    KioskApi(const Config& config, Store& store, Dispatcher& dispatcher, CustomerLogin& login,
             Metrics& metrics)
        : service_(config, store, dispatcher, login, metrics),
          signatures_(store, config.kiosk.signature_window) {}

    void add_routes(Router& router);
    // What the routes call, for the touch UI to call as well.
    KioskService& service() { return service_; }

  private:
    // Runs on a worker once the signature is accepted, with the call (the terminal, the
    // request id). Calls the Reply exactly once, or moves it on (empty afterwards); when it
    // throws with the Reply still there, a 500 goes.
    using Work = std::function<void(KioskApi&, const Exchange&, const KioskCall&, Reply&)>;
    // The journal names a refused request by `plugin`/`operation` ("" = from the path).
    Handler signed_route(std::string plugin, std::string operation, Work work);
    void refuse_unsigned(const Exchange& exchange, const KioskVerdict& verdict,
                         const std::string& plugin, const std::string& operation,
                         const Reply& reply);

    HttpResponse heartbeat(const Exchange& exchange, const KioskCall& call);
    HttpResponse end_session(const Exchange& exchange, const KioskCall& call);
    HttpResponse report_note(const Exchange& exchange, const KioskCall& call);

    KioskService service_;
    KioskSignatureCheck signatures_;
};

// The API's JSON for a kiosk result: {"status", "code", "message", "data"} and, when the
// result has one, "receipt"; the HTTP status of the code.
HttpResponse kiosk_response(const KioskResult& result);

}  // namespace ehall
