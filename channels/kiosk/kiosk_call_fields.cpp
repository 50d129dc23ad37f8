#include "channels/kiosk/kiosk_call_fields.hpp"

#include <algorithm>

namespace ehall {

namespace {

bool usable_number(const std::string& text) {
    return !text.empty() && text.size() <= 64 &&
           std::all_of(text.begin(), text.end(), [](char c) { return c > 0x20 && c < 0x7f; });
}

// Takes string field `name` out of `body`; false when present but not a string.
bool take_text(nlohmann::json& body, const char* name, std::string& out) {
    auto it = body.find(name);
    if (it == body.end())
        return true;
    bool ok = it->is_string();
    if (ok)
        out = it->get<std::string>();
    body.erase(it);
    return ok;
}

}  // namespace

KioskCallFields take_kiosk_fields(nlohmann::json body, const std::string& idempotency_header) {
    KioskCallFields fields;
    if (!body.is_object()) {
        fields.problem = "the body must be a JSON object";
        return fields;
    }
    // A kiosk may number its transactions with integers.
    if (auto it = body.find("kiosk_txn");
        it != body.end() && it->is_number_integer() && it->get<std::int64_t>() >= 0) {
        *it = std::to_string(it->get<std::int64_t>());
    }
    if (!take_text(body, "customer_token", fields.customer_token) ||
        !take_text(body, "msisdn", fields.msisdn) ||
        !take_text(body, "kiosk_txn", fields.kiosk_txn)) {
        fields.problem = "customer_token, msisdn and kiosk_txn must be strings";
        return fields;
    }
    if (!idempotency_header.empty()) {
        if (!fields.kiosk_txn.empty() && fields.kiosk_txn != idempotency_header) {
            fields.problem = "kiosk_txn and Idempotency-Key differ";
            return fields;
        }
        fields.kiosk_txn = idempotency_header;
    }
    if (!fields.kiosk_txn.empty() && !usable_number(fields.kiosk_txn)) {
        fields.problem = "kiosk_txn (or Idempotency-Key) must be 1-64 printable characters";
        return fields;
    }
    fields.params = std::move(body);
    return fields;
}

std::optional<std::string> kiosk_number(const nlohmann::json& value) {
    std::string text;
    if (value.is_number_integer() && value.get<std::int64_t>() >= 0)
        text = std::to_string(value.get<std::int64_t>());
    else if (value.is_string())
        text = value.get<std::string>();
    if (!usable_number(text))
        return std::nullopt;
    return text;
}

std::string kiosk_idempotency_key(const std::string& terminal_id, const std::string& kiosk_txn) {
    if (kiosk_txn.empty())
        return {};
    std::string key = terminal_id;
    key.append(":").append(kiosk_txn);
    return key;
}

}  // namespace ehall
