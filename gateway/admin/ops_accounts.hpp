// Named ops accounts for the ops console: each person signs in with their own password
// (argon2id, never stored in clear) and their actions are audited under "ops:<name>".
// Wrong passwords are throttled per account and client address: after five within 15
// minutes that address waits 1 s, 2 s, 4 s, ... before each further try.
#pragma once

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include <ehall/plugin.hpp>

namespace ehall {

// The schema of the accounts and their failed sign-ins (component "ops_accounts").
const std::vector<Migration>& ops_account_migrations();

class OpsAccounts {
  public:
    explicit OpsAccounts(Store& store, unsigned attempts = 5,
                         std::chrono::minutes window = std::chrono::minutes(15))
        : store_(store), attempts_(attempts), window_(window) {}

    // "ok", "bad_request" (name not 2-32 of [a-z0-9._-], password shorter than 10) or
    // "already_exists". Audited under `actor`.
    std::string create(const std::string& name, const std::string& password,
                       const std::string& actor);
    // "ok", "unauthenticated" (no such account or wrong password) or "locked" (`source`,
    // the client address, must wait before trying this account again).
    std::string verify(const std::string& name, const std::string& password,
                       const std::string& source);
    nlohmann::json list();

  private:
    Store& store_;
    unsigned attempts_;
    std::chrono::minutes window_;
};

// The audit name of an account.
std::string ops_actor(const std::string& name);

}  // namespace ehall
