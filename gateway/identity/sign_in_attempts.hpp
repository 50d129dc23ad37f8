// The failed sign-ins behind every lockout and back-off (customers on every channel, ops
// accounts, the console's admin-token sign-in, kiosk activation codes), in the store's
// login_failures table keyed by who tried: an MSISDN, "ops:<name>@<address>", ...
//
// An attempt is reserved before the secret is checked, in one write transaction that counts
// the failures and adds the attempt as one: concurrent guesses each see the others, so no
// more than the limit are ever checked. A success then forgets the key's failures; a
// failure needs no second write.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include <ehall/store.hpp>

namespace ehall {

struct SignInPolicy {
    std::int64_t limit = 5;                            // failures within `window` before refusing
    std::chrono::milliseconds window{15 * 60 * 1000};  // failures older than this are forgotten
    // false: a lockout, refused until failures age out of the window. true: a back-off, for
    // keys that name a source (an address): past `limit`, one more attempt 1 s after the
    // latest failure, then 2 s, 4 s, ... up to the window.
    bool back_off = false;
};

struct SignInReservation {
    bool granted = false;
    std::int64_t failures = 0;        // the key's failures in the window, this attempt included
    std::int64_t retry_after_ms = 0;  // when refused: how long until an attempt is granted
};

// Reserves one attempt for `key` at `now_ms`, counted as a failure until forget_failures.
SignInReservation reserve_sign_in(Transaction& tx, const std::string& key,
                                  const SignInPolicy& policy, std::int64_t now_ms);

// After a success: the key's failures are forgotten.
void forget_failures(Transaction& tx, const std::string& key);

}  // namespace ehall
