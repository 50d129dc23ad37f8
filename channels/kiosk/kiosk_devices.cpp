#include "channels/kiosk/kiosk_devices.hpp"

#include "gateway/base/random_token.hpp"
#include "gateway/identity/sign_in_attempts.hpp"

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
        {2, R"sql(
-- Wrong codes are throttled per client address in login_failures (gateway/sign_in_attempts.hpp).
DROP TABLE kiosk_activation_failures;
)sql"},
    };
    return migrations;
}

KioskDevices::Activation KioskDevices::activate(const std::string& terminal_id,
                                                const std::string& code, const std::string& source,
                                                std::int64_t now_ms) {
    const std::string attempts_key = "kiosk-activation@" + source;
    const SignInPolicy policy{.limit = 10, .window = std::chrono::hours(1), .back_off = true};
    bool granted = false;
    store_.write([&](Transaction& tx) {
        granted = reserve_sign_in(tx, attempts_key, policy, now_ms).granted;
    });
    if (!granted)
        return {.throttled = true};
    if (!valid_terminal_id(terminal_id) ||
        !registry_.redeem_activation_code(terminal_id, code, now_ms)) {
        return {};
    }
    auto terminal = registry_.find(terminal_id);
    if (!terminal || !terminal->active())
        return {};
    Activated activated{random_hex(32), {*terminal, random_hex(16)}};
    store_.write([&](Transaction& tx) {
        forget_failures(tx, attempts_key);
        tx.execute(
            "INSERT INTO kiosk_devices (token_hash, terminal_id, key_hash, csrf_token, "
            "activated_ms) VALUES (?, ?, ?, ?, ?)",
            {sha256_hex(activated.token), terminal_id, sha256_hex(terminal->key),
             activated.device.csrf_token, now_ms});
    });
    return {.activated = std::move(activated)};
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
