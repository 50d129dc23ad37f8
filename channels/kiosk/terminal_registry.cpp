#include "channels/kiosk/terminal_registry.hpp"

#include <sodium.h>
#include <algorithm>
#include <cstdio>

#include <ehall/clock.hpp>
#include "channels/kiosk/cash_box.hpp"
#include "gateway/base/random_token.hpp"
#include "gateway/store/ops_audit.hpp"

namespace ehall {

namespace {

std::optional<KioskTerminal> find_in(Transaction& tx, const std::string& id) {
    auto rows =
        tx.query("SELECT id, hall, location, status, key FROM terminals WHERE id = ?", {id});
    if (rows.empty())
        return std::nullopt;
    const Row& row = rows.front();
    return KioskTerminal{row.text("id"), row.text("hall"), row.text("location"), row.text("status"),
                         row.text("key")};
}

std::string new_key() {
    return random_hex(32);
}

// The customer tokens issued at the terminal. Kiosk sessions are read from the store on
// every use (no cache keeps them), so deleting the rows ends them at once.
void end_customer_sessions(Transaction& tx, const std::string& id) {
    tx.execute("DELETE FROM sessions WHERE channel = 'kiosk' AND terminal_id = ?", {id});
}

// Salted with the terminal id so one table row says nothing about another's code.
std::string code_hash(const std::string& id, const std::string& code) {
    std::string salted = id;
    salted.append(":").append(code);
    return sha256_hex(salted);
}

std::string eight_digit_code() {
    if (sodium_init() < 0)
        throw std::runtime_error("libsodium failed to initialise");
    char out[16];
    std::snprintf(out, sizeof out, "%08u", randombytes_uniform(100000000));
    return out;
}

}  // namespace

nlohmann::json KioskTerminal::public_json() const {
    return {{"id", id}, {"hall", hall}, {"location", location}, {"status", status}};
}

bool valid_terminal_id(std::string_view id) {
    return !id.empty() && id.size() <= 32 && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
               c == '_' || c == '-';
    });
}

std::optional<KioskTerminal> TerminalRegistry::find(const std::string& id) {
    std::optional<KioskTerminal> found;
    store_.read([&](Transaction& tx) { found = find_in(tx, id); });
    return found;
}

std::optional<KioskTerminal> TerminalRegistry::create(const std::string& id,
                                                      const std::string& hall,
                                                      const std::string& location,
                                                      const std::string& actor) {
    std::optional<KioskTerminal> created;
    store_.write([&](Transaction& tx) {
        if (find_in(tx, id))
            return;
        KioskTerminal terminal{id, hall, location, "active", new_key()};
        tx.execute("INSERT INTO terminals (id, hall, location, key) VALUES (?, ?, ?, ?)",
                   {id, hall, location, terminal.key});
        record_audit(tx, actor, "terminal.create", "terminal:" + id, "null",
                     terminal.public_json().dump());
        created = std::move(terminal);
    });
    return created;
}

std::optional<KioskTerminal> TerminalRegistry::rotate_key(const std::string& id,
                                                          const std::string& actor) {
    std::optional<KioskTerminal> rotated;
    store_.write([&](Transaction& tx) {
        rotated = find_in(tx, id);
        if (!rotated)
            return;
        rotated->key = new_key();
        tx.execute("UPDATE terminals SET key = ? WHERE id = ?", {rotated->key, id});
        // Whoever held the old key may also hold tokens issued to it.
        end_customer_sessions(tx, id);
        // The audit says that the key changed, never what it is.
        record_audit(tx, actor, "terminal.rotate_key", "terminal:" + id, "{\"key\":\"previous\"}",
                     "{\"key\":\"rotated\"}");
    });
    return rotated;
}

std::optional<KioskTerminal> TerminalRegistry::set_enabled(const std::string& id, bool enabled,
                                                           const std::string& actor) {
    std::optional<KioskTerminal> changed;
    store_.write([&](Transaction& tx) {
        changed = find_in(tx, id);
        if (!changed)
            return;
        const std::string before = changed->public_json().dump();
        changed->status = enabled ? "active" : "disabled";
        tx.execute("UPDATE terminals SET status = ? WHERE id = ?", {changed->status, id});
        if (!enabled)
            end_customer_sessions(tx, id);
        record_audit(tx, actor, enabled ? "terminal.enable" : "terminal.disable", "terminal:" + id,
                     before, changed->public_json().dump());
    });
    return changed;
}

std::optional<TerminalRegistry::ActivationCode> TerminalRegistry::issue_activation_code(
    const std::string& id, const std::string& actor, std::chrono::hours valid_for) {
    std::optional<ActivationCode> issued;
    store_.write([&](Transaction& tx) {
        if (!find_in(tx, id))
            return;
        ActivationCode code{eight_digit_code(),
                            now_ms() + std::chrono::milliseconds(valid_for).count()};
        tx.execute(
            "INSERT INTO kiosk_activation_codes (terminal_id, code_hash, expires_ms, used_ms) "
            "VALUES (?, ?, ?, NULL) ON CONFLICT (terminal_id) DO UPDATE SET "
            "code_hash = excluded.code_hash, expires_ms = excluded.expires_ms, used_ms = NULL",
            {id, code_hash(id, code.code), code.expires_ms});
        nlohmann::json after = {{"expires_at", shanghai_datetime(code.expires_ms)}};
        record_audit(tx, actor, "terminal.activation_code", "terminal:" + id, "null", after.dump());
        issued = std::move(code);
    });
    return issued;
}

bool TerminalRegistry::redeem_activation_code(const std::string& id, const std::string& code,
                                              std::int64_t now_ms) {
    bool redeemed = false;
    store_.write([&](Transaction& tx) {
        auto terminal = find_in(tx, id);
        if (!terminal || !terminal->active())
            return;
        redeemed = tx.execute(
                       "UPDATE kiosk_activation_codes SET used_ms = ? WHERE terminal_id = ? AND "
                       "code_hash = ? AND used_ms IS NULL AND expires_ms > ?",
                       {now_ms, id, code_hash(id, code), now_ms}) == 1;
    });
    return redeemed;
}

void TerminalRegistry::record_heartbeat(const std::string& id, const nlohmann::json& device,
                                        std::int64_t now_ms) {
    store_.write([&](Transaction& tx) {
        tx.execute("UPDATE terminals SET last_seen_ms = ?, device_json = ? WHERE id = ?",
                   {now_ms, device.dump(), id});
    });
}

std::optional<TerminalRegistry::CashCollection> TerminalRegistry::record_cash_collection(
    const std::string& id, std::int64_t counted_fen, const std::string& actor) {
    std::optional<CashCollection> collection;
    store_.write([&](Transaction& tx) {
        if (!find_in(tx, id))
            return;
        collection = CashCollection{counted_fen, expected_cash_fen(tx, id), now_ms()};
        tx.execute(
            "INSERT INTO kiosk_cash_collections (terminal_id, ts_ms, counted_fen, expected_fen, "
            "actor) VALUES (?, ?, ?, ?, ?)",
            {id, collection->ts_ms, counted_fen, collection->expected_fen, actor});
        const nlohmann::json before = {{"expected_fen", collection->expected_fen}};
        const nlohmann::json after = {{"counted_fen", counted_fen},
                                      {"difference_fen", counted_fen - collection->expected_fen}};
        record_audit(tx, actor, "terminal.cash_collected", "terminal:" + id, before.dump(),
                     after.dump());
    });
    return collection;
}

}  // namespace ehall
