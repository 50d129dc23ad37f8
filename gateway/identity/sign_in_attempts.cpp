#include "gateway/identity/sign_in_attempts.hpp"

#include <algorithm>
#include <cassert>

namespace ehall {

namespace {

constexpr std::int64_t first_back_off_ms = 1000;

}  // namespace

SignInReservation reserve_sign_in(Transaction& tx, const std::string& key,
                                  const SignInPolicy& policy, std::int64_t now_ms) {
    assert(policy.limit > 0);
    const std::int64_t since = now_ms - policy.window.count();
    // Every key's aged failures go, so keys tried once (random numbers) do not pile up.
    tx.execute("DELETE FROM login_failures WHERE ts_ms <= ?", {since});
    const auto row = tx.query(
                           "SELECT count(*) AS n, coalesce(max(ts_ms), 0) AS latest "
                           "FROM login_failures WHERE msisdn = ?",
                           {key})
                         .front();
    const std::int64_t failures = row.integer("n");
    SignInReservation reservation{.failures = failures};
    if (failures >= policy.limit) {
        if (!policy.back_off) {
            const std::int64_t oldest = tx.query(
                                              "SELECT min(ts_ms) AS oldest FROM login_failures "
                                              "WHERE msisdn = ?",
                                              {key})
                                            .front()
                                            .integer("oldest");
            reservation.retry_after_ms = oldest + policy.window.count() - now_ms;
            return reservation;
        }
        const int doublings = static_cast<int>(std::min<std::int64_t>(failures - policy.limit, 30));
        const std::int64_t wait =
            std::min(first_back_off_ms << doublings, std::int64_t{policy.window.count()});
        const std::int64_t allowed_at = row.integer("latest") + wait;
        if (now_ms < allowed_at) {
            reservation.retry_after_ms = allowed_at - now_ms;
            return reservation;
        }
    }
    tx.execute("INSERT INTO login_failures (msisdn, ts_ms) VALUES (?, ?)", {key, now_ms});
    reservation.granted = true;
    reservation.failures = failures + 1;
    return reservation;
}

void forget_failures(Transaction& tx, const std::string& key) {
    tx.execute("DELETE FROM login_failures WHERE msisdn = ?", {key});
}

}  // namespace ehall
