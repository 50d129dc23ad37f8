#include "channels/kiosk/cash_caps.hpp"

#include "gateway/base/yuan.hpp"

namespace ehall {

std::optional<ServiceResult> CashCaps::refusal(Transaction& tx, const std::string& terminal_id,
                                               const std::string& day, std::int64_t transaction_fen,
                                               std::int64_t adding_fen) const {
    if (transaction_fen > per_transaction_fen) {
        return ServiceResult::error("limit_exceeded",
                                    "over the cash cap of " + format_yuan(per_transaction_fen) +
                                        " yuan per transaction (kiosk.cash_per_transaction_fen)");
    }
    const std::int64_t taken = tx.query(
                                     "SELECT coalesce(sum(amount_fen), 0) AS fen FROM kiosk_cash "
                                     "WHERE terminal_id = ? AND day = ?",
                                     {terminal_id, day})
                                   .front()
                                   .integer("fen");
    if (taken + adding_fen > daily_fen) {
        return ServiceResult::error(
            "limit_exceeded", "over this terminal's cash cap of " + format_yuan(daily_fen) +
                                  " yuan a day (kiosk.cash_daily_fen); " + format_yuan(taken) +
                                  " yuan taken on " + day);
    }
    return std::nullopt;
}

}  // namespace ehall
