// The kiosk's own fields in a service call's JSON body, taken out before the plugin's
// parameters are validated: `customer_token` (an identified customer), `msisdn` (the
// number a cash bill payment is for) and `kiosk_txn` (the kiosk's transaction number,
// which, like the Idempotency-Key header, makes a retry count once).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace ehall {

struct KioskCallFields {
    nlohmann::json params = nlohmann::json::object();  // what is left for the plugin
    std::string customer_token;
    std::string msisdn;
    std::string kiosk_txn;  // from the body or the header; empty when neither
    std::string problem;    // empty when the fields are usable
};

// `body` is the parsed request body; `idempotency_header` the Idempotency-Key header.
KioskCallFields take_kiosk_fields(nlohmann::json body, const std::string& idempotency_header);

// A kiosk's own number for a transaction or a note: 1-64 printable ASCII characters, given
// as a string or as a non-negative integer. Nothing when `value` is neither.
std::optional<std::string> kiosk_number(const nlohmann::json& value);

// The idempotency key handed to the gateway: the terminal id, ':', the kiosk's number, so
// two terminals' transaction numbers never collide. Empty when there is no number.
std::string kiosk_idempotency_key(const std::string& terminal_id, const std::string& kiosk_txn);

}  // namespace ehall
