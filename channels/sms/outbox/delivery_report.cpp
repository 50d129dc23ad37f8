#include "channels/sms/outbox/delivery_report.hpp"

namespace ehall::sms {

std::string_view to_string(OutboxStatus status) {
    switch (status) {
        case OutboxStatus::queued:
            return "queued";
        case OutboxStatus::sent:
            return "sent";
        case OutboxStatus::delivered:
            return "delivered";
        case OutboxStatus::failed:
            return "failed";
    }
    return "queued";
}

std::optional<OutboxStatus> outbox_status(std::string_view name) {
    for (auto status : {OutboxStatus::queued, OutboxStatus::sent, OutboxStatus::delivered,
                        OutboxStatus::failed}) {
        if (to_string(status) == name)
            return status;
    }
    return std::nullopt;
}

std::optional<DeliveryReport> decode_delivery_report(int kannel_status) {
    switch (kannel_status) {
        case 1:
            return DeliveryReport{OutboxStatus::delivered, "delivered"};
        case 2:
            return DeliveryReport{OutboxStatus::failed, "undeliverable"};
        case 4:
            return DeliveryReport{OutboxStatus::sent, "buffered at the SMSC"};
        case 8:
            return DeliveryReport{OutboxStatus::sent, "submitted to the SMSC"};
        case 16:
            return DeliveryReport{OutboxStatus::failed, "rejected by the SMSC"};
        default:
            return std::nullopt;
    }
}

bool advances(OutboxStatus current, OutboxStatus next) {
    switch (current) {
        case OutboxStatus::queued:
            return next != OutboxStatus::queued;
        case OutboxStatus::sent:
            return next == OutboxStatus::delivered || next == OutboxStatus::failed;
        case OutboxStatus::delivered:
        case OutboxStatus::failed:
            return false;
    }
    return false;
}

}  // namespace ehall::sms
