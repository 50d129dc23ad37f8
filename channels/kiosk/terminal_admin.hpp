// Managing kiosk terminals, as ops do it: the admin API's /admin/v1/terminals routes
// (terminal_admin_api.hpp) and the ops console call these with the acting admin's audit
// name. Each answers "ok" with what the API shows, or not_found (no such terminal),
// bad_request or already_exists with a message. Keys leave the gateway only here, once:
// in the answer to registering a terminal or rotating its key.
#pragma once

#include <cstdint>
#include <string>

#include <ehall/plugin.hpp>
#include "channels/kiosk/terminal_registry.hpp"

namespace ehall {

class TerminalAdmin {
  public:
    explicit TerminalAdmin(Store& store) : registry_(store) {}

    // data: terminal (public_json) and key. `id` and `hall` 1-32 of [A-Za-z0-9_-],
    // `location` up to 200 bytes.
    ServiceResult create(const std::string& id, const std::string& hall,
                         const std::string& location, const std::string& actor);
    // data: terminal and its new key; the old key stops working.
    ServiceResult rotate(const std::string& id, const std::string& actor);
    // data: terminal.
    ServiceResult set_enabled(const std::string& id, bool enabled, const std::string& actor);
    // A one-time 8-digit code for the touch UI, valid 24 h. data: terminal_id,
    // activation_code, expires_at (Asia/Shanghai).
    ServiceResult activation_code(const std::string& id, const std::string& actor);
    // The cash box was emptied and `counted_fen` found in it (docs/kiosk-cash.md). data:
    // terminal_id, collected_at, counted_fen, expected_fen, difference_fen.
    ServiceResult cash_collected(const std::string& id, std::int64_t counted_fen,
                                 const std::string& actor);

  private:
    TerminalRegistry registry_;
};

}  // namespace ehall
