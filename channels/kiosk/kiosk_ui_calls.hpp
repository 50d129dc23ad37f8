// The touch UI's calls to the kiosk API. The browser never holds the terminal key: the
// gateway signs each call with the key of the device's terminal and runs it through the
// router in-process, so the UI takes exactly the signed API's path (signature and nonce
// check, customer sessions, receipts, journal with channel kiosk and the terminal id). The
// API can still tell these calls from the terminal's own: the touch UI never sets an amount
// of cash (docs/kiosk-cash.md).
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "channels/kiosk/terminal_registry.hpp"
#include "gateway/http/router.hpp"

namespace ehall {

struct KioskCallResult {
    unsigned status = 0;
    nlohmann::json body;  // the API's JSON reply: status, code, message, data, receipt

    bool ok() const { return body.value("status", "") == "ok"; }
    std::string code() const { return body.value("code", "internal_error"); }
    const nlohmann::json& data() const;  // the reply's `data`, an empty object when none
};

// Whether `exchange` is one of the touch UI's calls rather than a request from the wire.
bool from_touch_ui(const Exchange& exchange);

class KioskUiCalls {
  public:
    explicit KioskUiCalls(const Router& router) : router_(router) {}

    using Done = std::function<void(KioskCallResult)>;
    // POSTs `body` to `path` (under /kiosk/v1) as `terminal`; `request_id` ties the call to the
    // page request in logs and the journal. `done` is called once, on any thread.
    void post(const KioskTerminal& terminal, const std::string& path, const nlohmann::json& body,
              const std::string& request_id, Done done) const;
    void get(const KioskTerminal& terminal, const std::string& path, const std::string& request_id,
             Done done) const;

  private:
    void call(const KioskTerminal& terminal, http::verb method, const std::string& path,
              std::string body, const std::string& request_id, Done done) const;

    const Router& router_;
};

}  // namespace ehall
