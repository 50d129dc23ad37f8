// The SMS hall's HTTP face for Kannel (DESIGN §6): GET or POST /sms/mo. Always
// `200 text/plain; charset=utf-8` with the reply SMS as the body (Kannel retries anything
// else, which could repeat an operation), except for callers that may not use it: only
// the addresses in sms.allowed_sources, or whoever knows sms.shared_secret (`secret`
// field or X-Ehall-Secret header), get past the 403.
#pragma once

#include "channels/sms/mo_message.hpp"
#include "channels/sms/sms_hall.hpp"
#include "gateway/http/router.hpp"

namespace ehall::sms {

// Whether a caller at `remote_address` presenting `secret` (may be empty) may call
// /sms/mo. IPv4-mapped IPv6 addresses count as their IPv4 address.
bool mo_caller_allowed(const Config::Sms& config, std::string_view remote_address,
                       std::string_view secret);

// `200 text/plain; charset=utf-8` with the reply; `X-Kannel-Coding: 2` when the text is not
// GSM-7, so Kannel sends it as UCS-2.
HttpResponse sms_reply(std::string text);

class SmsApi {
  public:
    SmsApi(SmsHall& hall, Dispatcher& dispatcher, const Config& config)
        : hall_(hall), dispatcher_(dispatcher), config_(config) {}

    void add_routes(Router& router);

  private:
    void receive(const Exchange& exchange, Reply reply);

    SmsHall& hall_;
    Dispatcher& dispatcher_;
    const Config& config_;
};

}  // namespace ehall::sms
