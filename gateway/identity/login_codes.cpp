#include "gateway/identity/login_codes.hpp"

#include "gateway/base/random_token.hpp"

namespace ehall {

namespace {

constexpr std::int64_t hour_ms = 3'600'000;

std::string code_hash(const std::string& salt, const std::string& msisdn, const std::string& code) {
    return sha256_hex(salt + ":" + msisdn + ":" + code);
}

}  // namespace

const std::vector<Migration>& login_code_migrations() {
    static const std::vector<Migration> migrations = {{1, R"sql(
CREATE TABLE login_codes (
    id INTEGER PRIMARY KEY,
    msisdn TEXT NOT NULL,
    salt TEXT NOT NULL,                 -- random, per code
    code_hash TEXT NOT NULL,            -- SHA-256 of salt, number and code, never the code
    created_ms INTEGER NOT NULL,
    expires_ms INTEGER NOT NULL,
    tries INTEGER NOT NULL DEFAULT 0,   -- wrong tries so far
    used_ms INTEGER
);
CREATE INDEX login_codes_by_customer ON login_codes (msisdn, id);
CREATE INDEX login_codes_by_time ON login_codes (created_ms);
)sql"}};
    return migrations;
}

std::string LoginCodes::new_code() {
    return random_decimal_digits(6);
}

bool LoginCodes::issue(Transaction& tx, const std::string& msisdn, const std::string& code,
                       std::int64_t now) {
    tx.execute("DELETE FROM login_codes WHERE created_ms <= ?", {now - hour_ms});
    const auto recent = tx.query(
        "SELECT count(*) AS n, coalesce(max(created_ms), 0) AS last FROM login_codes "
        "WHERE msisdn = ? AND created_ms > ?",
        {msisdn, now - hour_ms});
    const std::int64_t count = recent.front().integer("n");
    const std::int64_t last = recent.front().integer("last");
    if (count >= rules_.per_hour || (count > 0 && now - last < rules_.min_interval.count()))
        return false;
    const std::string salt = random_hex(16);
    tx.execute(
        "INSERT INTO login_codes (msisdn, salt, code_hash, created_ms, expires_ms) "
        "VALUES (?, ?, ?, ?, ?)",
        {msisdn, salt, code_hash(salt, msisdn, code), now, now + rules_.valid_for.count()});
    return true;
}

LoginCodes::Check LoginCodes::check(Transaction& tx, const std::string& msisdn,
                                    const std::string& code, std::int64_t now) {
    // Only the newest code counts: asking for a new one retires the ones before.
    const auto rows = tx.query(
        "SELECT id, salt, code_hash, expires_ms, tries, used_ms FROM login_codes "
        "WHERE msisdn = ? ORDER BY id DESC LIMIT 1",
        {msisdn});
    if (rows.empty())
        return Check::expired;
    const Row& row = rows.front();
    if (!row.is_null("used_ms") || row.integer("expires_ms") <= now ||
        row.integer("tries") >= rules_.max_tries)
        return Check::expired;
    if (constant_time_equal(code_hash(row.text("salt"), msisdn, code), row.text("code_hash"))) {
        tx.execute("UPDATE login_codes SET used_ms = ? WHERE id = ?", {now, row.integer("id")});
        return Check::ok;
    }
    tx.execute("UPDATE login_codes SET tries = tries + 1 WHERE id = ?", {row.integer("id")});
    return Check::wrong;
}

}  // namespace ehall
