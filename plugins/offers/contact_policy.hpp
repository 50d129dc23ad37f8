// The operator's contact rules for pushed offers (DESIGN §8), kept in the store so every
// gateway instance applies the same counts:
// - no push to a number that texted TD (until KT),
// - at most 3 pushes per customer per calendar month (Asia/Shanghai), across all channels,
// - at most one push per session,
// - one offer to one customer in at most 3 consecutive months,
// - never again an offer the customer dismissed.
// Asking for offers (YH, offers.list) is no contact and is not counted here.
#pragma once

#include <cstdint>
#include <string>

#include <ehall/store.hpp>

namespace ehall::offers {

inline constexpr std::int64_t kContactsPerMonth = 3;
inline constexpr int kConsecutiveMonths = 3;

struct Contact {
    std::string msisdn;
    std::string offer_id;
    std::string channel;
    std::string placement;
    std::string session_id;  // empty where the channel has no session (SMS)
    std::string month;       // YYYY-MM, Asia/Shanghai
    std::int64_t ts_ms = 0;
};

enum class Reach { yes, opted_out, month_full, session_done };
// Whether the customer may be pushed any offer now, and if not, why. `month_full` lasts
// to the end of the month: contacts are never taken back.
Reach customer_reach(Transaction& tx, const Contact& contact);
inline bool customer_reachable(Transaction& tx, const Contact& contact) {
    return customer_reach(tx, contact) == Reach::yes;
}

// Whether this offer may be pushed to this customer this month.
bool offer_allowed(Transaction& tx, const Contact& contact);

// Records the push when both rules still hold, in one write transaction, so concurrent
// placements (on any instance) never exceed the caps. True when recorded.
bool record_push(Store& store, const Contact& contact);

// Records that a control-group customer would have been pushed the offer (once a month).
void record_control(Store& store, const Contact& contact);

}  // namespace ehall::offers
