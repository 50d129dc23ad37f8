// The port one-time login codes leave through: the SMS channel implements it (its outbox
// and its login_code text), the halls that log customers in with a code use it, and
// neither includes the other.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include <ehall/store.hpp>

namespace ehall {

class CodeSender {
  public:
    virtual ~CodeSender() = default;
    // Queues the text of `code`, valid for `minutes`, to `msisdn`, and runs `also` in the
    // same store transaction, so the text and what `also` writes commit together or not at
    // all (an exception from `also` rolls both back and passes on).
    virtual void send_code(const std::string& msisdn, const std::string& code, std::int64_t minutes,
                           std::int64_t now_ms, const std::function<void(Transaction&)>& also) = 0;
};

}  // namespace ehall
