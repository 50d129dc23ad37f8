// When a push that Kannel did not accept is tried again: after 1 s, doubling up to 5
// minutes between attempts, and given up (failed) after `max_attempts` attempts.
#pragma once

#include <chrono>

namespace ehall::sms {

struct OutboxRetry {
    std::chrono::milliseconds first_delay{1000};
    std::chrono::milliseconds longest_delay{5 * 60 * 1000};
    unsigned max_attempts = 20;  // about an hour of Kannel being down

    // The wait after the `attempts`-th failed attempt (1-based).
    std::chrono::milliseconds delay_after(unsigned attempts) const;
    bool exhausted(unsigned attempts) const { return attempts >= max_attempts; }
};

}  // namespace ehall::sms
