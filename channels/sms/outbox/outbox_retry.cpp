#include "channels/sms/outbox/outbox_retry.hpp"

#include <algorithm>

namespace ehall::sms {

std::chrono::milliseconds OutboxRetry::delay_after(unsigned attempts) const {
    auto delay = first_delay;
    for (unsigned i = 1; i < attempts && delay < longest_delay; ++i)
        delay *= 2;
    return std::min(delay, longest_delay);
}

}  // namespace ehall::sms
