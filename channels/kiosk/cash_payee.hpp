// What a kiosk shows of a number it takes cash for, so the customer can confirm it without a
// password: the owner's masked name (张*), the masked number and the amount due.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include <ehall/store.hpp>

namespace ehall {

// {"masked_name", "masked_msisdn", "due_fen"}; nothing when no customer has the number.
std::optional<nlohmann::json> cash_payee(Transaction& tx, const std::string& msisdn);

}  // namespace ehall
