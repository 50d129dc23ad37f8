#include "tests/support/store_state.hpp"

#include <sqlite3.h>

#include <memory>
#include <stdexcept>

namespace ehall::test {

namespace {

// Tables written by payments, top-ups, redemptions, family and offer changes, logins, SMS
// confirmations and pushes, kiosk receipts, cash and activations, and ops changes.
constexpr const char* written_tables[] = {
    "payments",          "balance_ledger",   "points_ledger",  "redemptions",
    "operation_results", "family_packages",  "family_members", "offer_contacts",
    "offer_dismissals",  "ld_subscriptions", "login_failures", "billing_voucher_failures",
    "sessions",          "sms_pending",      "sms_outbox",     "kiosk_receipts",
    "kiosk_cash",        "kiosk_cash_notes", "ops_audit",      "ops_accounts",
    "terminals",         "customers",        "kiosk_devices",  "kiosk_cash_collections"};

std::int64_t scalar(sqlite3* db, const std::string& sql) {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &raw, nullptr) != SQLITE_OK)
        throw std::runtime_error(sql + ": " + sqlite3_errmsg(db));
    std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> statement(raw, &sqlite3_finalize);
    if (sqlite3_step(statement.get()) != SQLITE_ROW)
        throw std::runtime_error(sql + ": no row");
    return sqlite3_column_int64(statement.get(), 0);
}

// The store opened read-only, waiting for the server's writers.
std::unique_ptr<sqlite3, decltype(&sqlite3_close)> open_store(const std::filesystem::path& path) {
    sqlite3* raw = nullptr;
    if (sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        std::string message = raw ? sqlite3_errmsg(raw) : "out of memory";
        sqlite3_close(raw);
        throw std::runtime_error("cannot open " + path.string() + ": " + message);
    }
    std::unique_ptr<sqlite3, decltype(&sqlite3_close)> db(raw, &sqlite3_close);
    sqlite3_busy_timeout(db.get(), 5000);
    return db;
}

}  // namespace

std::map<std::string, std::int64_t> store_state(const std::filesystem::path& store_db) {
    auto db = open_store(store_db);
    std::map<std::string, std::int64_t> state;
    for (const char* table : written_tables)
        state[table] = scalar(db.get(), std::string("SELECT COUNT(*) FROM ").append(table));
    state["vouchers used"] =
        scalar(db.get(), "SELECT COUNT(*) FROM vouchers WHERE used_by IS NOT NULL");
    state["plugins enabled"] = scalar(db.get(), "SELECT SUM(enabled) FROM plugin_channels");
    state["balances, points, e-coins"] =
        scalar(db.get(), "SELECT SUM(balance_fen) + SUM(points) + SUM(ecoins) FROM accounts");
    return state;
}

std::int64_t store_scalar(const std::filesystem::path& store_db, const std::string& sql) {
    return scalar(open_store(store_db).get(), sql);
}

}  // namespace ehall::test
