// The kiosk channel's signed JSON API under /kiosk/v1 (DESIGN §6). Every request carries
// the terminal's signature (kiosk_signature.hpp); a refused one gets 401 and is journaled.
// Routes: heartbeat, identify / end_session (a customer token bound to the terminal, idle
// expiry kiosk.customer_idle_seconds), lookup (masked name and amount due before a cash
// payment), services, services/{plugin}/{operation} (results carry receipt data),
// receipts/{no}/reprint, and cash (docs/kiosk-cash.md): cash/intakes (open one for a number),
// cash/intakes/{id} (its total), cash/intakes/{id}/pay, cash/notes (the acceptor's notes).
// Journal: channel kiosk, subchannel the hall, the terminal id.
#pragma once

#include <functional>

#include "channels/kiosk/cash_box_watch.hpp"
#include "channels/kiosk/cash_intakes.hpp"
#include "channels/kiosk/cash_payments.hpp"
#include "channels/kiosk/kiosk_receipts.hpp"
#include "channels/kiosk/kiosk_signature.hpp"
#include "channels/kiosk/terminal_registry.hpp"
#include "gateway/config/config.hpp"
#include "gateway/dispatch/dispatcher.hpp"
#include "gateway/dispatch/placement_slot.hpp"
#include "gateway/http/router.hpp"
#include "gateway/identity/customer_login.hpp"
#include "gateway/identity/customer_sessions.hpp"

namespace ehall {

class KioskApi {
  public:
    KioskApi(const Config& config, Store& store, Dispatcher& dispatcher, CustomerLogin& login,
             Metrics& metrics)
        : store_(store),
          dispatcher_(dispatcher),
          login_(login),
          sessions_(store, config.kiosk.customer_idle),
          registry_(store),
          signatures_(store, config.kiosk.signature_window),
          receipts_(store),
          placement_slot_(dispatcher),
          intakes_(store, CashCaps::of(config)),
          cash_payments_(store, CashCaps::of(config)),
          cash_box_watch_(metrics) {}

    void add_routes(Router& router);

  private:
    // Runs on a worker once the signature is accepted. Calls the Reply exactly once, or
    // moves it on (empty afterwards); when it throws with the Reply still there, a 500 goes.
    using Work = std::function<void(KioskApi&, const Exchange&, const KioskTerminal&, Reply&)>;
    // The journal names a refused request by `plugin`/`operation` ("" = from the path).
    Handler signed_route(std::string plugin, std::string operation, Work work);
    void refuse_unsigned(const Exchange& exchange, const KioskVerdict& verdict,
                         const std::string& plugin, const std::string& operation,
                         const Reply& reply);

    HttpResponse heartbeat(const Exchange& exchange, const KioskTerminal& terminal);
    // Answers with the customer token and, for the popup, `offer` (an offer or null). The
    // password is checked on the sign-in gate (check_identity).
    void identify(const Exchange& exchange, const KioskTerminal& terminal, Reply& reply);
    void check_identity(const Exchange& exchange, const KioskTerminal& terminal, Reply& reply);
    HttpResponse end_session(const Exchange& exchange, const KioskTerminal& terminal);
    HttpResponse lookup(const Exchange& exchange, const KioskTerminal& terminal);
    HttpResponse reprint(const Exchange& exchange, const KioskTerminal& terminal);
    HttpResponse services();
    void invoke(const Exchange& exchange, const KioskTerminal& terminal, Reply& reply);
    HttpResponse open_intake(const Exchange& exchange, const KioskTerminal& terminal);
    HttpResponse show_intake(const Exchange& exchange, const KioskTerminal& terminal);
    void pay_intake(const Exchange& exchange, const KioskTerminal& terminal, Reply& reply);
    HttpResponse report_note(const Exchange& exchange, const KioskTerminal& terminal);

    // Runs an operation through the dispatcher and answers with its result and receipt; a
    // cash payment is held within the caps first (reserve) and settled after.
    void run_operation(const Exchange& exchange, ServiceRequest request,
                       const std::string& kiosk_txn, Reply& reply);
    // Answers and journals an operation refused before it ran, with an unkept receipt.
    void refuse_operation(const Exchange& exchange, const ServiceRequest& request,
                          const ServiceResult& refused, Reply& reply);
    // The operation when it is enabled on kiosks, else null.
    const OperationSpec* enabled_spec(const ServiceRequest& request);
    // An intake as the API shows it, with the payee (cash_payee.hpp) of its number.
    nlohmann::json intake_json(const CashIntake& intake);

    // The body's "msisdn", empty when there is none.
    static std::string msisdn_of(const Exchange& exchange);
    // A customer session opened on this terminal; nothing for other terminals' tokens.
    std::optional<CustomerSession> customer_of(const std::string& token,
                                               const KioskTerminal& terminal);
    // Reports an interaction that did not reach a plugin through the dispatcher (which
    // journals it); latency from the exchange's start.
    void journal(const Exchange& exchange, const ServiceRequest& request,
                 const ServiceResult& result);

    Store& store_;
    Dispatcher& dispatcher_;
    CustomerLogin& login_;
    CustomerSessions sessions_;
    TerminalRegistry registry_;
    KioskSignatureCheck signatures_;
    KioskReceipts receipts_;
    PlacementSlot placement_slot_;
    CashIntakes intakes_;
    CashPayments cash_payments_;
    CashBoxWatch cash_box_watch_;
};

// The operation a kiosk runs for cash paid to a number (DESIGN §6): the first loaded one
// whose manifest says cash_for_any_number; none when no plugin takes cash.
std::optional<AvailableOperation> cash_payment_operation(const Dispatcher& dispatcher);

// A ServiceRequest from `terminal`: channel kiosk, subchannel the hall, terminal id.
ServiceRequest kiosk_request(const Exchange& exchange, const KioskTerminal* terminal,
                             std::string plugin, std::string operation);

}  // namespace ehall
