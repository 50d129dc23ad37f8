#include "gateway/admin/ops_accounts.hpp"

#include <algorithm>

#include <ehall/clock.hpp>
#include "gateway/base/password_hash.hpp"
#include "gateway/identity/sign_in_attempts.hpp"
#include "gateway/store/ops_audit.hpp"

namespace ehall {

namespace {

bool valid_name(const std::string& name) {
    return name.size() >= 2 && name.size() <= 32 &&
           std::all_of(name.begin(), name.end(), [](char c) {
               return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
                      c == '-';
           });
}

}  // namespace

const std::vector<Migration>& ops_account_migrations() {
    static const std::vector<Migration> migrations = {{1, R"sql(
CREATE TABLE ops_accounts (
    name TEXT PRIMARY KEY,
    password_hash TEXT NOT NULL,        -- argon2id string
    created_ms INTEGER NOT NULL,
    created_by TEXT NOT NULL
);
)sql"}};
    return migrations;
}

std::string ops_actor(const std::string& name) {
    return "ops:" + name;
}

std::string OpsAccounts::create(const std::string& name, const std::string& password,
                                const std::string& actor) {
    if (!valid_name(name) || password.size() < 10 || password.size() > 200)
        return "bad_request";
    const std::string hash = hash_password(password);  // slow: outside the transaction
    std::string code = "ok";
    store_.write([&](Transaction& tx) {
        if (!tx.query("SELECT 1 FROM ops_accounts WHERE name = ?", {name}).empty()) {
            code = "already_exists";
            return;
        }
        tx.execute(
            "INSERT INTO ops_accounts (name, password_hash, created_ms, created_by) "
            "VALUES (?, ?, ?, ?)",
            {name, hash, now_ms(), actor});
        record_audit(tx, actor, "account.create", ops_actor(name), "{}",
                     nlohmann::json{{"name", name}}.dump());
    });
    return code;
}

std::string OpsAccounts::verify(const std::string& name, const std::string& password,
                                const std::string& source) {
    // Throttled per account and source: an outsider's misses slow down only that source,
    // never the staff member signing in from their own desk.
    const std::string key = ops_actor(name) + "@" + source;
    const SignInPolicy policy{.limit = attempts_, .window = window_, .back_off = true};
    SignInReservation reservation;
    std::string stored_hash;
    store_.write([&](Transaction& tx) {
        reservation = reserve_sign_in(tx, key, policy, now_ms());
        if (!reservation.granted)
            return;
        auto rows = tx.query("SELECT password_hash FROM ops_accounts WHERE name = ?", {name});
        if (!rows.empty())
            stored_hash = rows.front().text("password_hash");
    });
    if (!reservation.granted)
        return "locked";
    const bool known = !stored_hash.empty();
    const bool good =
        verify_password(known ? stored_hash : decoy_password_hash(), password) && known;
    if (!good)
        return "unauthenticated";
    store_.write([&](Transaction& tx) { forget_failures(tx, key); });
    return "ok";
}

nlohmann::json OpsAccounts::list() {
    nlohmann::json accounts = nlohmann::json::array();
    store_.read([&](Transaction& tx) {
        for (const auto& row :
             tx.query("SELECT name, created_ms, created_by FROM ops_accounts ORDER BY name")) {
            accounts.push_back({{"name", row.text("name")},
                                {"created", shanghai_datetime(row.integer("created_ms"))},
                                {"created_by", row.text("created_by")}});
        }
    });
    return accounts;
}

}  // namespace ehall
