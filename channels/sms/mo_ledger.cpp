#include "channels/sms/mo_ledger.hpp"

#include "gateway/base/random_token.hpp"

namespace ehall::sms {

namespace {

constexpr std::int64_t prune_every = 1024;

// Kannel's ids are UUIDs; anything longer is stored by its hash so rows stay small.
std::string stored_id(const std::string& id) {
    return id.size() <= 64 ? id : "sha256:" + sha256_hex(id);
}

}  // namespace

MoLedger::Outcome MoLedger::claim(const std::string& msisdn, const std::string& id,
                                  std::int64_t now_ms) {
    Outcome outcome;
    const bool prune = ++claims_ % prune_every == 0;
    store_.write([&](Transaction& tx) {
        if (prune) {
            tx.execute("DELETE FROM sms_mo WHERE ts_ms < ? AND state = 'answered'",
                       {now_ms - retention_.count()});
        }
        auto rows = tx.query(
            "SELECT state, reply, ts_ms FROM sms_mo WHERE msisdn = ? AND "
            "message_id = ?",
            {msisdn, stored_id(id)});
        if (rows.empty()) {
            tx.execute(
                "INSERT INTO sms_mo (msisdn, message_id, state, reply, ts_ms) "
                "VALUES (?, ?, 'processing', NULL, ?)",
                {msisdn, stored_id(id), now_ms});
            outcome.claim = Claim::fresh;
        } else if (rows.front().text("state") == "answered") {
            outcome = {Claim::answered, rows.front().text("reply")};
        } else if (rows.front().integer("ts_ms") < now_ms - stale_after_.count()) {
            tx.execute("UPDATE sms_mo SET ts_ms = ? WHERE msisdn = ? AND message_id = ?",
                       {now_ms, msisdn, stored_id(id)});
            outcome.claim = Claim::fresh;
        } else {
            outcome.claim = Claim::in_progress;
        }
    });
    return outcome;
}

void MoLedger::answer(const std::string& msisdn, const std::string& id, const std::string& reply,
                      std::int64_t now_ms) {
    store_.write([&](Transaction& tx) {
        tx.execute(
            "UPDATE sms_mo SET state = 'answered', reply = ?, ts_ms = ? "
            "WHERE msisdn = ? AND message_id = ?",
            {reply, now_ms, msisdn, stored_id(id)});
    });
}

std::optional<std::string> MoLedger::reply(const std::string& msisdn, const std::string& id) {
    std::optional<std::string> reply;
    store_.read([&](Transaction& tx) {
        auto rows = tx.query("SELECT state, reply FROM sms_mo WHERE msisdn = ? AND message_id = ?",
                             {msisdn, stored_id(id)});
        if (!rows.empty() && rows.front().text("state") == "answered")
            reply = rows.front().text("reply");
    });
    return reply;
}

}  // namespace ehall::sms
