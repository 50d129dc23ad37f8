// Kiosk terminals in the store: registration, keys, enablement, activation codes,
// heartbeats and the collections of their cash boxes. Every change ops make is audited in the same
// transaction; keys and codes are returned to the caller once and never written to the audit or the
// log.
#pragma once

#include <chrono>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include <ehall/store.hpp>

namespace ehall {

struct KioskTerminal {
    std::string id;
    std::string hall;
    std::string location;
    std::string status;  // active | disabled
    std::string key;     // the HMAC key shared with the terminal

    bool active() const { return status == "active"; }
    // For replies and the audit: everything but the key.
    nlohmann::json public_json() const;
};

// Terminal ids and hall codes: 1-32 of [A-Za-z0-9_-].
bool valid_terminal_id(std::string_view id);

class TerminalRegistry {
  public:
    explicit TerminalRegistry(Store& store) : store_(store) {}

    std::optional<KioskTerminal> find(const std::string& id);

    // The new terminal with its fresh key; nothing when the id is taken.
    std::optional<KioskTerminal> create(const std::string& id, const std::string& hall,
                                        const std::string& location, const std::string& actor);
    // The terminal with a fresh key (the old one stops working at once) and its customer
    // sessions ended, as disabling does; nothing when unknown.
    std::optional<KioskTerminal> rotate_key(const std::string& id, const std::string& actor);
    // Disabling also ends the terminal's customer sessions. Nothing when unknown.
    std::optional<KioskTerminal> set_enabled(const std::string& id, bool enabled,
                                             const std::string& actor);

    struct ActivationCode {
        std::string code;  // 8 digits, shown once
        std::int64_t expires_ms = 0;
    };
    // A one-time code for the touch UI, replacing any earlier one. Nothing when unknown.
    std::optional<ActivationCode> issue_activation_code(const std::string& id,
                                                        const std::string& actor,
                                                        std::chrono::hours valid_for);
    // True once per issued code, before it expires, for an active terminal.
    bool redeem_activation_code(const std::string& id, const std::string& code,
                                std::int64_t now_ms);

    void record_heartbeat(const std::string& id, const nlohmann::json& device, std::int64_t now_ms);

    struct CashCollection {
        std::int64_t counted_fen = 0;
        std::int64_t expected_fen = 0;  // what the box should have held (cash_box.hpp)
        std::int64_t ts_ms = 0;
    };
    // Ops emptied the terminal's cash box and counted `counted_fen`: from now on the box
    // should hold only what comes in after. Nothing when the terminal is unknown.
    std::optional<CashCollection> record_cash_collection(const std::string& id,
                                                         std::int64_t counted_fen,
                                                         const std::string& actor);

  private:
    Store& store_;
};

}  // namespace ehall
