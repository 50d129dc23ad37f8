#include "tests/support/store_state.hpp"

#include <memory>

#include "gateway/store/pg_store.hpp"
#include "gateway/store/sqlite_store.hpp"

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

std::unique_ptr<Store> open_server_store(const ServerProcess& server) {
    if (!server.store_url().empty())
        return std::make_unique<PgStore>(PgStore::Options{.url = server.store_url()});
    return std::make_unique<SqliteStore>(
        SqliteStore::Options{.path = server.data_dir() / "ehall.db", .max_connections = 1});
}

std::int64_t scalar(Transaction& tx, const std::string& sql) {
    return tx.query("SELECT (" + sql + ") AS n").front().integer("n");
}

}  // namespace

std::map<std::string, std::int64_t> store_state(const ServerProcess& server) {
    std::map<std::string, std::int64_t> state;
    open_server_store(server)->read([&](Transaction& tx) {
        for (const char* table : written_tables)
            state[table] = scalar(tx, std::string("SELECT COUNT(*) FROM ").append(table));
        state["vouchers used"] =
            scalar(tx, "SELECT COUNT(*) FROM vouchers WHERE used_by IS NOT NULL");
        state["plugins enabled"] = scalar(tx, "SELECT SUM(enabled) FROM plugin_channels");
        state["balances, points, e-coins"] =
            scalar(tx, "SELECT SUM(balance_fen) + SUM(points) + SUM(ecoins) FROM accounts");
    });
    return state;
}

std::int64_t store_scalar(const ServerProcess& server, const std::string& sql) {
    std::int64_t value = 0;
    open_server_store(server)->read([&](Transaction& tx) { value = scalar(tx, sql); });
    return value;
}

}  // namespace ehall::test
