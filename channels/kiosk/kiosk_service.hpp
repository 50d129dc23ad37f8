// What a kiosk terminal can do, as plain calls with typed inputs: the signed API under
// /kiosk/v1 (kiosk_api.hpp) calls these once a request's signature and nonce are accepted,
// and the touch UI (kiosk_ui.hpp) calls them for its activated device's terminal. Both thus
// take one path: customer sessions bound to the terminal, receipts, rate limits, refusals
// and the journal (channel kiosk, subchannel the hall, the terminal id, the request id).
// The one difference is the caller: the touch UI never sets an amount of cash
// (docs/kiosk-cash.md).
//
// Every call runs on a worker (the store is read and written). A call with a `done` answers
// through it exactly once, on any thread, also when it fails (internal_error).
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "channels/kiosk/cash_box_watch.hpp"
#include "channels/kiosk/cash_intakes.hpp"
#include "channels/kiosk/cash_payments.hpp"
#include "channels/kiosk/kiosk_call_fields.hpp"
#include "channels/kiosk/kiosk_receipts.hpp"
#include "channels/kiosk/terminal_registry.hpp"
#include "gateway/config/config.hpp"
#include "gateway/dispatch/dispatcher.hpp"
#include "gateway/dispatch/placement_slot.hpp"
#include "gateway/identity/customer_login.hpp"
#include "gateway/identity/customer_sessions.hpp"

namespace ehall {

enum class KioskCaller {
    terminal,  // the terminal's own software, over the signed API
    touch_ui,  // the bundled touch UI a browser drives: never sets an amount of cash
};

// Who calls and for which request. Held by value: a call may finish on another thread.
struct KioskCall {
    KioskTerminal terminal;  // active, as the signature or the device binding found it
    std::string request_id;  // ties the call to its HTTP request in logs and the journal
    std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
    KioskCaller caller = KioskCaller::terminal;
};

struct KioskResult {
    KioskResult(ServiceResult result, std::optional<nlohmann::json> receipt = std::nullopt)
        : result(std::move(result)), receipt(std::move(receipt)) {}

    ServiceResult result;
    std::optional<nlohmann::json> receipt;  // an operation's (or a reprint's) receipt data

    bool ok() const { return result.is_ok(); }
    // The result's message, or the code's default one for people.
    std::string message() const;
};

using KioskDone = std::function<void(KioskResult)>;

class KioskService {
  public:
    KioskService(const Config& config, Store& store, Dispatcher& dispatcher, CustomerLogin& login,
                 Metrics& metrics)
        : store_(store),
          dispatcher_(dispatcher),
          login_(login),
          sessions_(store, config.kiosk.customer_idle),
          registry_(store),
          receipts_(store),
          placement_slot_(dispatcher),
          intakes_(store, CashCaps::of(config)),
          cash_payments_(store, CashCaps::of(config)),
          cash_box_watch_(metrics) {}

    // The terminal's device status (device_status.hpp, already checked).
    ServiceResult heartbeat(const KioskCall& call, const nlohmann::json& status);
    // Checks the password on the sign-in gate (limited per terminal), then opens a customer
    // session bound to the terminal: data customer_token, masked_name, masked_msisdn,
    // expires_in and, for the popup, `offer` (content placed after identification, or null).
    // `body` is {"msisdn", "password"} as the API takes it (nothing: not a JSON object).
    void identify(const KioskCall& call, std::optional<nlohmann::json> body, KioskDone done);
    // Ends the customer session of `token` when it is this terminal's: data {ended}.
    ServiceResult end_session(const KioskCall& call, const std::string& token);
    // The masked name and amount due of `msisdn` before a cash payment.
    ServiceResult lookup(const KioskCall& call, const std::string& msisdn);
    // The receipt `receipt_no` of this terminal again (not_found for other terminals').
    KioskResult reprint(const KioskCall& call, const std::string& receipt_no);
    // The operations enabled on kiosks: data {services}.
    ServiceResult services();
    // Runs `plugin`.`operation` with the kiosk's own fields taken out of the call's body;
    // the result carries a receipt, kept for reprinting when the operation succeeded.
    void invoke(const KioskCall& call, const std::string& plugin, const std::string& operation,
                KioskCallFields fields, KioskDone done);
    // Cash (docs/kiosk-cash.md): open an intake for a number, show one, pay its total (never
    // a figure from the caller), and the notes the terminal's acceptor reports.
    ServiceResult open_intake(const KioskCall& call, const std::string& msisdn);
    ServiceResult show_intake(const KioskCall& call, const std::string& intake_id);
    void pay_intake(const KioskCall& call, const std::string& intake_id, KioskDone done);
    ServiceResult report_note(const KioskCall& call, const std::string& note_id,
                              std::int64_t amount_fen);

    // Journals `refused` as `plugin`.`operation` of `call` (a request the caller could not
    // read) and returns it.
    ServiceResult refuse(const KioskCall& call, const std::string& plugin,
                         const std::string& operation, ServiceResult refused);
    // Reports an interaction that did not reach a plugin through the dispatcher (which
    // journals it); latency from `started`.
    void journal(const ServiceRequest& request, const ServiceResult& result,
                 std::chrono::steady_clock::time_point started);

    Dispatcher& dispatcher() { return dispatcher_; }

  private:
    // Answers through `done` (emptied, so a failure after it answers nothing twice).
    static void finish(KioskDone& done, KioskResult result);
    // Runs `start`, which answers through `done` or moves it on; when `start` throws with
    // `done` still there, answers internal_error.
    static void guarded(KioskDone& done, const std::function<void()>& start);
    void check_identity(const KioskCall& call, const std::optional<nlohmann::json>& body,
                        KioskDone& done);
    void start_operation(const KioskCall& call, const std::string& plugin,
                         const std::string& operation, KioskCallFields fields, KioskDone& done);
    void start_payment(const KioskCall& call, const std::string& intake_id, KioskDone& done);
    // Runs an operation through the dispatcher and answers with its result and receipt; a
    // cash payment is held within the caps first (reserve) and settled after.
    void run_operation(const KioskCall& call, ServiceRequest request, const std::string& kiosk_txn,
                       KioskDone& done);
    // Answers and journals an operation refused before it ran, with an unkept receipt.
    void refuse_operation(const KioskCall& call, const ServiceRequest& request,
                          const ServiceResult& refused, KioskDone& done);
    // The operation when it is enabled on kiosks, else null.
    const OperationSpec* enabled_spec(const ServiceRequest& request);
    // An intake as the kiosk sees it, with the payee (cash_payee.hpp) of its number.
    nlohmann::json intake_json(const CashIntake& intake);
    // A customer session opened on this terminal; nothing for other terminals' tokens.
    std::optional<CustomerSession> customer_of(const std::string& token,
                                               const KioskTerminal& terminal);

    Store& store_;
    Dispatcher& dispatcher_;
    CustomerLogin& login_;
    CustomerSessions sessions_;
    TerminalRegistry registry_;
    KioskReceipts receipts_;
    PlacementSlot placement_slot_;
    CashIntakes intakes_;
    CashPayments cash_payments_;
    CashBoxWatch cash_box_watch_;
};

// The operation a kiosk runs for cash paid to a number (DESIGN §6): the first loaded one
// whose manifest says cash_for_any_number; none when no plugin takes cash.
std::optional<AvailableOperation> cash_payment_operation(const Dispatcher& dispatcher);

// A ServiceRequest from `terminal` (null when unknown): channel kiosk, subchannel the hall,
// terminal id.
ServiceRequest kiosk_request(const std::string& request_id, const KioskTerminal* terminal,
                             std::string plugin, std::string operation);

}  // namespace ehall
