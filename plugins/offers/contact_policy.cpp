#include "contact_policy.hpp"

#include <ehall/clock.hpp>

namespace ehall::offers {

Reach customer_reach(Transaction& tx, const Contact& contact) {
    if (!tx.query("SELECT 1 AS x FROM sms_opt_out WHERE msisdn = ?", {contact.msisdn}).empty())
        return Reach::opted_out;
    auto month = tx.query(
        "SELECT count(*) AS n FROM offer_contacts WHERE msisdn = ? AND month = ? AND kind = 'push'",
        {contact.msisdn, contact.month});
    if (month.front().integer("n") >= kContactsPerMonth)
        return Reach::month_full;
    if (contact.session_id.empty())
        return Reach::yes;
    return tx.query(
                 "SELECT 1 AS x FROM offer_contacts WHERE msisdn = ? AND session_id = ? "
                 "AND kind = 'push' LIMIT 1",
                 {contact.msisdn, contact.session_id})
                   .empty()
               ? Reach::yes
               : Reach::session_done;
}

bool offer_allowed(Transaction& tx, const Contact& contact) {
    if (!tx.query("SELECT 1 AS x FROM offer_dismissals WHERE msisdn = ? AND offer_id = ?",
                  {contact.msisdn, contact.offer_id})
             .empty())
        return false;
    std::string month = contact.month;
    for (int i = 0; i < kConsecutiveMonths; ++i) {
        month = previous_month(month);
        if (tx.query("SELECT 1 AS x FROM offer_contacts WHERE msisdn = ? AND offer_id = ? "
                     "AND month = ? AND kind = 'push' LIMIT 1",
                     {contact.msisdn, contact.offer_id, month})
                .empty())
            return true;
    }
    return false;
}

bool record_push(Store& store, const Contact& contact) {
    bool recorded = false;
    store.write([&](Transaction& tx) {
        if (!customer_reachable(tx, contact) || !offer_allowed(tx, contact))
            return;
        tx.execute(
            "INSERT INTO offer_contacts (msisdn, offer_id, kind, channel, placement, session_id, "
            "month, ts_ms) VALUES (?, ?, 'push', ?, ?, ?, ?, ?)",
            {contact.msisdn, contact.offer_id, contact.channel, contact.placement,
             contact.session_id, contact.month, contact.ts_ms});
        recorded = true;
    });
    return recorded;
}

void record_control(Store& store, const Contact& contact) {
    store.write([&](Transaction& tx) {
        tx.execute(
            "INSERT INTO offer_contacts (msisdn, offer_id, kind, channel, placement, "
            "session_id, month, ts_ms) VALUES (?, ?, 'control', ?, ?, ?, ?, ?) "
            "ON CONFLICT DO NOTHING",
            {contact.msisdn, contact.offer_id, contact.channel, contact.placement,
             contact.session_id, contact.month, contact.ts_ms});
    });
}

}  // namespace ehall::offers
