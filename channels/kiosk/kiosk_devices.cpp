#include "channels/kiosk/kiosk_devices.hpp"

#include "gateway/random_token.hpp"

namespace ehall {

const std::vector<Migration>& kiosk_ui_migrations() {
    static const std::vector<Migration> migrations = {
        {1, R"sql(
CREATE TABLE kiosk_devices (
    token_hash TEXT PRIMARY KEY,        -- SHA-256 of the device cookie, never the cookie
    terminal_id TEXT NOT NULL,
    key_hash TEXT NOT NULL,             -- SHA-256 of the terminal key at activation
    csrf_token TEXT NOT NULL,
    activated_ms INTEGER NOT NULL
);
CREATE INDEX kiosk_devices_by_terminal ON kiosk_devices (terminal_id);
-- Wrong activation codes per terminal: too many within the hour stop the guessing.
CREATE TABLE kiosk_activation_failures (
    terminal_id TEXT NOT NULL,
    ts_ms INTEGER NOT NULL
);
CREATE INDEX kiosk_activation_failures_by_terminal ON kiosk_activation_failures (terminal_id, ts_ms);
)sql"},
    };
    return migrations;
}

bool KioskDevices::activation_locked(const std::string& terminal_id, std::int64_t now_ms) {
    std::int64_t failures = 0;
    store_.read([&](Transaction& tx) {
        failures = tx.query(
                         "SELECT count(*) AS n FROM kiosk_activation_failures "
                         "WHERE terminal_id = ? AND ts_ms > ?",
                         {terminal_id, now_ms - activation_failure_window_ms})
                       .front()
                       .integer("n");
    });
    return failures >= max_activation_failures;
}

std::optional<KioskDevices::Activated> KioskDevices::activate(const std::string& terminal_id,
                                                              const std::string& code,
                                                              std::int64_t now_ms) {
    if (!valid_terminal_id(terminal_id))
        return std::nullopt;
    if (!registry_.redeem_activation_code(terminal_id, code, now_ms)) {
        if (registry_.find(terminal_id)) {  // unknown ids have no code to guess
            store_.write([&](Transaction& tx) {
                tx.execute("DELETE FROM kiosk_activation_failures WHERE ts_ms <= ?",
                           {now_ms - activation_failure_window_ms});
                tx.execute(
                    "INSERT INTO kiosk_activation_failures (terminal_id, ts_ms) VALUES (?, ?)",
                    {terminal_id, now_ms});
            });
        }
        return std::nullopt;
    }
    auto terminal = registry_.find(terminal_id);
    if (!terminal || !terminal->active())
        return std::nullopt;
    Activated activated{random_hex(32), {*terminal, random_hex(16)}};
    store_.write([&](Transaction& tx) {
        tx.execute(
            "INSERT INTO kiosk_devices (token_hash, terminal_id, key_hash, csrf_token, "
            "activated_ms) VALUES (?, ?, ?, ?, ?)",
            {sha256_hex(activated.token), terminal_id, sha256_hex(terminal->key),
             activated.device.csrf_token, now_ms});
    });
    return activated;
}

std::optional<KioskDevice> KioskDevices::find(const std::string& token) {
    if (token.empty())
        return std::nullopt;
    const std::string hash = sha256_hex(token);
    std::string terminal_id, key_hash, csrf_token;
    store_.read([&](Transaction& tx) {
        auto rows = tx.query(
            "SELECT terminal_id, key_hash, csrf_token FROM kiosk_devices WHERE token_hash = ?",
            {hash});
        if (rows.empty())
            return;
        terminal_id = rows.front().text("terminal_id");
        key_hash = rows.front().text("key_hash");
        csrf_token = rows.front().text("csrf_token");
    });
    if (terminal_id.empty())
        return std::nullopt;
    auto terminal = registry_.find(terminal_id);
    if (!terminal || !constant_time_equal(sha256_hex(terminal->key), key_hash)) {
        // The key was rotated (or the terminal removed): this device is done for good.
        store_.write([&](Transaction& tx) {
            tx.execute("DELETE FROM kiosk_devices WHERE token_hash = ?", {hash});
        });
        return std::nullopt;
    }
    if (!terminal->active())
        return std::nullopt;
    return KioskDevice{std::move(*terminal), std::move(csrf_token)};
}

}  // namespace ehall
