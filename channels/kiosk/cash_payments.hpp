// Cash payments, held against the caps before the billing plugin runs them and settled after
// (docs/kiosk-cash.md). A cash payment is an intake's (cash_intakes.hpp), for exactly the
// notes it took, or one the terminal reports whole with the signed pay call; either way the
// terminal and its kiosk_txn name it, so a retried payment is held once.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <ehall/plugin.hpp>
#include <ehall/store.hpp>
#include "channels/kiosk/cash_caps.hpp"

namespace ehall {

class CashPayments {
  public:
    CashPayments(Store& store, CashCaps caps) : store_(store), caps_(caps) {}

    // Nothing when the payment may run (an intake stops taking notes); else its refusal:
    // limit_exceeded, or bad_request when kiosk_txn names a payment of another number or
    // amount.
    std::optional<ServiceResult> reserve(const std::string& terminal_id,
                                         const std::string& kiosk_txn, const std::string& msisdn,
                                         std::int64_t amount_fen, std::int64_t now_ms);
    // Once the plugin answered. Paid is paid for good; a refusal releases the cash held (an
    // intake takes notes again); a timeout or an internal error keeps it held, since the
    // payment may have gone through and a retry with the same kiosk_txn will say.
    void settle(const std::string& terminal_id, const std::string& kiosk_txn,
                const std::string& msisdn, std::int64_t amount_fen, const ServiceResult& result,
                std::int64_t now_ms);

  private:
    Store& store_;
    CashCaps caps_;
};

}  // namespace ehall
