#include "channels/sms/pending_confirmations.hpp"

namespace ehall::sms {

PendingRequest PendingConfirmations::propose(const std::string& msisdn, const std::string& plugin,
                                             const std::string& operation,
                                             const nlohmann::json& params, std::int64_t now_ms) {
    PendingRequest pending{.msisdn = msisdn,
                           .plugin = plugin,
                           .operation = operation,
                           .params = params,
                           .created_ms = now_ms,
                           .expires_ms = now_ms + ttl_.count()};
    store_.write([&](Transaction& tx) {
        // A replacement within the same millisecond must not reuse the idempotency key.
        auto previous = tx.query("SELECT created_ms FROM sms_pending WHERE msisdn = ?", {msisdn});
        if (!previous.empty() && previous.front().integer("created_ms") >= pending.created_ms) {
            pending.created_ms = previous.front().integer("created_ms") + 1;
            pending.expires_ms = pending.created_ms + ttl_.count();
        }
        tx.execute(
            "INSERT INTO sms_pending (msisdn, plugin, operation, params_json, created_ms, "
            "expires_ms) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (msisdn) DO UPDATE SET "
            "plugin = excluded.plugin, operation = excluded.operation, "
            "params_json = excluded.params_json, created_ms = excluded.created_ms, "
            "expires_ms = excluded.expires_ms",
            {msisdn, plugin, operation, params.dump(), pending.created_ms, pending.expires_ms});
    });
    return pending;
}

PendingConfirmations::Taken PendingConfirmations::take(const std::string& msisdn,
                                                       std::int64_t now_ms) {
    Taken taken;
    store_.write([&](Transaction& tx) {
        auto rows = tx.query(
            "SELECT plugin, operation, params_json, created_ms, expires_ms FROM sms_pending "
            "WHERE msisdn = ?",
            {msisdn});
        if (rows.empty())
            return;
        tx.execute("DELETE FROM sms_pending WHERE msisdn = ?", {msisdn});
        const Row& row = rows.front();
        if (row.integer("expires_ms") <= now_ms) {
            taken.status = Status::expired;
            return;
        }
        taken.status = Status::taken;
        taken.request = PendingRequest{.msisdn = msisdn,
                                       .plugin = row.text("plugin"),
                                       .operation = row.text("operation"),
                                       .params = nlohmann::json::parse(row.text("params_json")),
                                       .created_ms = row.integer("created_ms"),
                                       .expires_ms = row.integer("expires_ms")};
    });
    return taken;
}

PendingConfirmations::Status PendingConfirmations::cancel(const std::string& msisdn,
                                                          std::int64_t now_ms) {
    return take(msisdn, now_ms).status;
}

}  // namespace ehall::sms
