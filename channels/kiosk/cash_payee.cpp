#include "channels/kiosk/cash_payee.hpp"

#include <ehall/masking.hpp>

namespace ehall {

std::optional<nlohmann::json> cash_payee(Transaction& tx, const std::string& msisdn) {
    auto customer = tx.query("SELECT name FROM customers WHERE msisdn = ?", {msisdn});
    if (customer.empty())
        return std::nullopt;
    auto due = tx.query(
        "SELECT coalesce(sum(amount_fen), 0) AS due FROM bills WHERE msisdn = ? AND status = 'due'",
        {msisdn});
    return nlohmann::json{{"masked_name", mask_name(customer.front().text("name"))},
                          {"masked_msisdn", mask_msisdn(msisdn)},
                          {"due_fen", due.front().integer("due")}};
}

}  // namespace ehall
