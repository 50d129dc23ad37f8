#include "gateway/identity/customer_sessions.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

#include <ehall/clock.hpp>
#include "gateway/base/random_token.hpp"

namespace ehall {

namespace {
// Extending the expiry is a write; doing it at most once a minute (or a quarter of a short
// idle expiry) keeps reads cheap.
std::int64_t touch_interval_ms(std::chrono::seconds idle_expiry) {
    return std::min<std::int64_t>(60'000, idle_expiry.count() * 1000 / 4);
}
}  // namespace

CustomerSessions::Opened CustomerSessions::open(const std::string& msisdn,
                                                const std::string& channel,
                                                const std::string& terminal_id) {
    Opened opened;
    opened.token = random_hex(32);
    std::string hash = sha256_hex(opened.token);
    opened.session = {hash.substr(0, 16), msisdn, channel, terminal_id, random_hex(16)};
    std::int64_t now = now_ms();
    std::int64_t expires =
        now + std::chrono::duration_cast<std::chrono::milliseconds>(idle_expiry_).count();
    store_.write([&](Transaction& tx) {
        tx.execute("DELETE FROM sessions WHERE expires_ms < ?", {now});
        tx.execute(
            "INSERT INTO sessions (token_hash, msisdn, channel, terminal_id, created_ms, "
            "last_seen_ms, expires_ms, csrf_token) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            {hash, msisdn, channel, terminal_id, now, now, expires, opened.session.csrf_token});
    });
    return opened;
}

std::optional<RecentSessions::Entry> CustomerSessions::read(const std::string& hash,
                                                            std::int64_t now) {
    std::optional<RecentSessions::Entry> found;
    store_.read([&](Transaction& tx) {
        auto rows = tx.query(
            "SELECT msisdn, channel, terminal_id, csrf_token, last_seen_ms, expires_ms "
            "FROM sessions WHERE token_hash = ? AND expires_ms > ?",
            {hash, now});
        if (rows.empty())
            return;
        const Row& row = rows.front();
        found = RecentSessions::Entry{
            .session = {hash.substr(0, 16), row.text("msisdn"), row.text("channel"),
                        row.text("terminal_id"), row.text("csrf_token")},
            .last_seen_ms = row.integer("last_seen_ms"),
            .expires_ms = row.integer("expires_ms"),
            .read_at = RecentSessions::Clock::now()};
    });
    return found;
}

void CustomerSessions::touch(const std::string& hash, std::int64_t now, std::int64_t expires) {
    try {
        store_.write([&](Transaction& tx) {
            tx.execute("UPDATE sessions SET last_seen_ms = ?, expires_ms = ? WHERE token_hash = ?",
                       {now, expires, hash});
        });
    } catch (const std::exception& e) {
        if (!run_later_)
            throw;  // the caller's own write: its caller hears of it
        spdlog::error("could not extend a session's expiry: {}", e.what());
    }
}

std::optional<CustomerSession> CustomerSessions::find(const std::string& token) {
    if (token.size() != 64)
        return std::nullopt;
    std::string hash = sha256_hex(token);
    std::int64_t now = now_ms();
    auto found = recent_.find(hash, now);
    bool changed = !found;  // read from the store, or touched: remember the new state
    const std::uint64_t closes_before = recent_.closes();
    if (!found)
        found = read(hash, now);
    if (!found)
        return std::nullopt;
    if (now - found->last_seen_ms > touch_interval_ms(idle_expiry_)) {
        std::int64_t expires =
            now + std::chrono::duration_cast<std::chrono::milliseconds>(idle_expiry_).count();
        if (run_later_)
            run_later_([this, hash, now, expires] { touch(hash, now, expires); });
        else
            touch(hash, now, expires);
        found->last_seen_ms = now;
        found->expires_ms = expires;
        changed = true;
    }
    if (changed)
        recent_.remember(hash, *found, closes_before);
    return std::move(found->session);
}

std::optional<CustomerSession> CustomerSessions::find(const std::string& token,
                                                      std::string_view channel) {
    auto session = find(token);
    if (session && session->channel != channel)
        return std::nullopt;
    return session;
}

void CustomerSessions::close(const std::string& token) {
    std::string hash = sha256_hex(token);
    store_.write(
        [&](Transaction& tx) { tx.execute("DELETE FROM sessions WHERE token_hash = ?", {hash}); });
    recent_.forget(hash);
}

}  // namespace ehall
