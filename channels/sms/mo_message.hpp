// One mobile-originated SMS as Kannel's sms-service delivers it to GET or POST /sms/mo
// (DESIGN §6): query or form fields `from`, `to`, `text`, `id`, `coding`, `charset`
// (Kannel's %p, %P, %a, %I, %c, %C). For a POST whose body is not a form (Kannel's
// post-url), the body is the text and X-Kannel-* headers stand in for missing fields.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "gateway/http/form_body.hpp"

namespace ehall::sms {

// "+8613800138000", "8613800138000", "008613800138000", " 13800138000" ->
// "13800138000"; nothing when the result is not an 11-digit mobile number.
std::optional<std::string> normalise_msisdn(std::string_view from);

// The message text as UTF-8 from its raw bytes: UTF-16BE when `charset` says UTF-16BE /
// UCS-2 / UTF-16 or, without a charset, when `coding` is 2; Latin-1 for ISO-8859-1 and
// WINDOWS-1252; UTF-8 otherwise. Nothing when the bytes are not valid in that encoding.
std::optional<std::string> decode_text(std::string_view raw, std::string_view coding,
                                       std::string_view charset);

struct MoMessage {
    std::string raw_from;             // as received, for the log
    std::optional<std::string> from;  // the customer's 11-digit MSISDN
    std::string to;                   // the service number (journal subchannel)
    std::optional<std::string> text;  // UTF-8, nothing when undecodable
    std::string id;                   // Kannel's message id, empty when absent
};

// Builds the message from the request's fields. `body_text` is set for a non-form POST.
MoMessage mo_message(const FormFields& fields, std::optional<std::string_view> body_text);

}  // namespace ehall::sms
