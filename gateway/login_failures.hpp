// The failed sign-ins behind every lockout (customers on every channel, ops accounts), in
// the store's login_failures table keyed by who tried: an MSISDN, or "ops:<name>".
#pragma once

#include <cstdint>
#include <string>

#include "gateway/sql.hpp"

namespace ehall {

// Failed attempts for `key` after `since_ms`.
std::int64_t recent_login_failures(Transaction& tx, const std::string& key, std::int64_t since_ms);
// A success clears `key`'s failures; a failure is recorded at `now_ms`. Failures older than
// `since_ms` are dropped either way.
void record_login_attempt(Transaction& tx, const std::string& key, bool succeeded,
                          std::int64_t now_ms, std::int64_t since_ms);

}  // namespace ehall
