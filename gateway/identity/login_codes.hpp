// One-time login codes sent by SMS (the web hall's "send me a code" login), in the store's
// login_codes table. A code is 6 random digits, valid for a few minutes, used once, and
// dead after a few wrong tries; only a salted SHA-256 of it is stored. A new code replaces
// the number's earlier ones. The table also rations codes per number: a code is refused
// too soon after the last one, or beyond an hourly count.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include <ehall/plugin.hpp>
#include <ehall/store.hpp>

namespace ehall {

// The schema of the codes (component "login_codes").
const std::vector<Migration>& login_code_migrations();

struct LoginCodeRules {
    std::chrono::milliseconds valid_for = std::chrono::minutes(5);
    unsigned max_tries = 5;  // wrong tries that kill a code
    std::chrono::milliseconds min_interval = std::chrono::minutes(1);
    unsigned per_hour = 5;
};

class LoginCodes {
  public:
    explicit LoginCodes(LoginCodeRules rules = {}) : rules_(rules) {}

    // A new random code (6 digits), not stored yet.
    static std::string new_code();
    // Stores `code` for `msisdn`, hashed; false (nothing stored) when the number's rations
    // are used up. Codes older than an hour are dropped on the way.
    bool issue(Transaction& tx, const std::string& msisdn, const std::string& code,
               std::int64_t now);

    enum class Check {
        ok,       // right, and now used
        wrong,    // wrong, one try fewer left
        expired,  // no live code: none sent, expired, used, or its tries used up
    };
    Check check(Transaction& tx, const std::string& msisdn, const std::string& code,
                std::int64_t now);

    const LoginCodeRules& rules() const { return rules_; }

  private:
    LoginCodeRules rules_;
};

}  // namespace ehall
