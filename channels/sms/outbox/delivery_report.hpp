// Kannel's delivery report values (the %d of a dlr-url) and what each means for a push.
#pragma once

#include <optional>
#include <string_view>

namespace ehall::sms {

enum class OutboxStatus { queued, sent, delivered, failed };

std::string_view to_string(OutboxStatus status);
std::optional<OutboxStatus> outbox_status(std::string_view name);

struct DeliveryReport {
    OutboxStatus status;     // what the push becomes
    std::string_view label;  // Kannel's name for the value, for last_error and logs
};

// 1 delivered, 2 failed (undeliverable), 4 buffered and 8 submitted to the SMSC (still
// sent), 16 rejected by the SMSC (failed). Nothing for any other value.
std::optional<DeliveryReport> decode_delivery_report(int kannel_status);

// Whether a push in `current` may become `next`: queued -> sent -> delivered | failed.
// Final states stay final, so a late "submitted" report cannot undo "delivered".
bool advances(OutboxStatus current, OutboxStatus next);

}  // namespace ehall::sms
