// Browsers activated as a terminal's touch UI. Redeeming the terminal's one-time activation
// code gives the browser a device token (kept in an HttpOnly cookie; only its SHA-256 is
// stored) bound to the terminal and to the terminal's key at that moment: rotating the key
// retires the device, and while the terminal is disabled the device is refused.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <ehall/plugin.hpp>
#include <ehall/store.hpp>
#include "channels/kiosk/terminal_registry.hpp"

namespace ehall {

// The kiosk UI's own table, applied as migration component "kiosk_ui".
const std::vector<Migration>& kiosk_ui_migrations();

struct KioskDevice {
    KioskTerminal terminal;  // active, with its current key
    std::string csrf_token;  // carried by every form the device posts
};

class KioskDevices {
  public:
    explicit KioskDevices(Store& store) : store_(store), registry_(store) {}

    struct Activated {
        std::string token;  // for the device cookie, given out once
        KioskDevice device;
    };
    struct Activation {
        std::optional<Activated> activated{};  // set on success
        bool throttled = false;                // `source` must wait before trying again
    };
    // Redeems `code` for terminal `terminal_id`; no device when the code is wrong, used,
    // expired, or the terminal is unknown or disabled. 8 digits must not be guessable by
    // trying: each client address gets 10 tries an hour, then waits 1 s, 2 s, 4 s, ...
    // before each further one. Throttled per address, so a guesser never locks out the
    // technician activating a terminal from elsewhere.
    Activation activate(const std::string& terminal_id, const std::string& code,
                        const std::string& source, std::int64_t now_ms);
    // The device of `token`, when its terminal is active and still has the key it had at
    // activation.
    std::optional<KioskDevice> find(const std::string& token);

  private:
    Store& store_;
    TerminalRegistry registry_;
};

}  // namespace ehall
