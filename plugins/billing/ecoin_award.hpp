// E-coins for paying through the electronic channels (DESIGN §8): in proportion to the money
// that arrived, from a minimum amount, and capped per customer per Asia/Shanghai day, so
// that many tiny payments cannot buy merchant vouchers.
#pragma once

#include <cstdint>
#include <string>

#include <ehall/store.hpp>

namespace ehall::billing {

struct EcoinRules {
    std::int64_t per_yuan = 1;           // e-coins per whole yuan paid; 0: none at all
    std::int64_t min_amount_fen = 1000;  // smaller payments earn nothing
    std::int64_t daily_cap = 100;        // e-coins from payments per customer per day
};

// Awards, inside the payment's transaction, the e-coins that a payment of `amount_fen`
// earns `msisdn` at `now_ms` (ledger reason "epayment_reward", reference the receipt), and
// returns how many. Call it only once the money has arrived: an approved card charge or
// cash counted by a kiosk's acceptor.
std::int64_t award_payment_ecoins(Transaction& tx, const EcoinRules& rules,
                                  const std::string& msisdn, std::int64_t amount_fen,
                                  const std::string& receipt, std::int64_t now_ms);

}  // namespace ehall::billing
