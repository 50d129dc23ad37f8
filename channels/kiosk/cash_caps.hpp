// The caps on the cash a terminal takes (kiosk.cash_per_transaction_fen and
// kiosk.cash_daily_fen, docs/kiosk-cash.md). They are checked inside the write transaction
// that holds the cash (table kiosk_cash), so two payments at once cannot both pass a cap.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <ehall/plugin.hpp>
#include <ehall/store.hpp>
#include "gateway/config/config.hpp"

namespace ehall {

struct CashCaps {
    std::int64_t per_transaction_fen = 0;
    std::int64_t daily_fen = 0;

    static CashCaps of(const Config& config) {
        return {config.kiosk.cash_per_transaction_fen, config.kiosk.cash_daily_fen};
    }

    // `limit_exceeded`, naming the cap, when a transaction coming to `transaction_fen` in
    // all, `adding_fen` of it not yet held, would pass a cap on `day` (YYYY-MM-DD, Asia/
    // Shanghai) at the terminal; nothing when it may go ahead.
    std::optional<ServiceResult> refusal(Transaction& tx, const std::string& terminal_id,
                                         const std::string& day, std::int64_t transaction_fen,
                                         std::int64_t adding_fen) const;
};

}  // namespace ehall
