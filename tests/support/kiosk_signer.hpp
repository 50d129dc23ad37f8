// A reference client for the kiosk API's signature (DESIGN §6), for the tests and for kiosk
// vendors: written from the contract alone, with nothing from the gateway, so that it
// checks the server rather than repeating it.
//
//   string to sign = METHOD "\n" PATH "\n" TIMESTAMP "\n" NONCE "\n" hex(SHA256(body))
//   X-Signature    = lowercase hex HMAC-SHA256(terminal key, string to sign)
//
// PATH is the request target without its query; TIMESTAMP is unix seconds; NONCE is 8-64
// characters of [A-Za-z0-9_-], never reused by a terminal.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "tests/support/http_client.hpp"

namespace ehall::test {

struct KioskCredentials {
    std::string terminal_id;
    std::string key;
};

// X-Terminal-Id, X-Timestamp, X-Nonce and X-Signature for one request.
Headers kiosk_signature_headers(const KioskCredentials& credentials, std::string_view method,
                                std::string_view target, std::string_view body,
                                std::int64_t unix_seconds, const std::string& nonce);
// Same, signed now with a fresh random nonce.
Headers kiosk_signature_headers(const KioskCredentials& credentials, std::string_view method,
                                std::string_view target, std::string_view body);

}  // namespace ehall::test
