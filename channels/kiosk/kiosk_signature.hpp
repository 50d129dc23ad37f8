// The kiosk API's request signature (DESIGN §6). A terminal sends
//   X-Terminal-Id, X-Timestamp (unix seconds), X-Nonce (8-64 of [A-Za-z0-9_-]) and
//   X-Signature = lowercase hex HMAC-SHA256(terminal key,
//                 METHOD \n PATH \n TIMESTAMP \n NONCE \n hex(SHA256(body)))
// where PATH is the request target without its query. A request outside the window, with
// a nonce seen before, from an unknown or disabled terminal, or with a wrong signature is
// refused. Nonces live in the store, so replays are refused across restarts and instances.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <ehall/store.hpp>
#include "channels/kiosk/terminal_registry.hpp"

namespace ehall {

std::string kiosk_string_to_sign(std::string_view method, std::string_view path,
                                 std::string_view timestamp, std::string_view nonce,
                                 std::string_view body);
std::string hmac_sha256_hex(std::string_view key, std::string_view data);

struct KioskSignedRequest {
    std::string terminal_id;  // the four headers, as sent (empty when absent)
    std::string timestamp;
    std::string nonce;
    std::string signature;
    std::string method;  // "POST"
    std::string path;    // "/kiosk/v1/heartbeat"
    std::string_view body;
};

struct KioskVerdict {
    std::optional<KioskTerminal> terminal;  // set when the terminal exists, accepted or not
    std::string problem;                    // empty when accepted; else why, for the 401 body
    bool accepted() const { return problem.empty(); }
};

class KioskSignatureCheck {
  public:
    KioskSignatureCheck(Store& store, std::chrono::seconds window)
        : store_(store), registry_(store), window_(window) {}

    KioskVerdict verify(const KioskSignedRequest& request, std::int64_t now_ms);

  private:
    // False when the terminal already used `nonce` within the window.
    bool remember_nonce(const std::string& terminal_id, const std::string& nonce,
                        std::int64_t signed_ms, std::int64_t now_ms);

    Store& store_;
    TerminalRegistry registry_;
    std::chrono::seconds window_;
};

}  // namespace ehall
