// Kannel's sendsms HTTP interface, as the outbox uses it: one GET per push with the
// sendsms-user's credentials, the text as UTF-8 (coding 0 when it fits the GSM-7
// alphabet, else 2, UCS-2), and a dlr-url through which Kannel reports delivery.
// Kannel answers 202 "0: Accepted for delivery" (or "3: Queued for later delivery"), or
// 200 "Sent."; anything else is a failed attempt.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "channels/sms/outbox/sms_outbox.hpp"
#include "gateway/config/config.hpp"

namespace ehall::sms {

// Percent-encodes everything but the unreserved characters (so '+' arrives as '+').
std::string url_encode(std::string_view text);

class KannelSendsms {
  public:
    // Throws ConfigError naming the key when sms.sendsms_url is not an http:// URL or the
    // sendsms user is missing.
    explicit KannelSendsms(const Config::Sms& sms,
                           std::chrono::milliseconds timeout = std::chrono::seconds(10));

    // The request target (path and query) that sends `message`.
    std::string request_target(const OutboxMessage& message) const;
    // The dlr-url for `message`: sms.dlr_url plus id and Kannel's %d; empty without one.
    std::string dlr_url(const OutboxMessage& message) const;

    struct Answer {
        bool accepted = false;
        std::string detail;  // Kannel's answer, or why there was none
    };
    // Blocking, bounded by the timeout; never throws.
    Answer send(const OutboxMessage& message) const;

    // Where pushes go, for the log.
    std::string endpoint() const { return std::string(host_).append(":").append(port_); }

  private:
    const Config::Sms& sms_;
    std::chrono::milliseconds timeout_;
    std::string host_;
    std::string port_;
    std::string path_;  // with the URL's own query, if any
};

}  // namespace ehall::sms
