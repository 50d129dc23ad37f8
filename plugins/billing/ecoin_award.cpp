#include "ecoin_award.hpp"

#include <algorithm>

#include <ehall/account_rules.hpp>
#include <ehall/clock.hpp>

namespace ehall::billing {

std::int64_t award_payment_ecoins(Transaction& tx, const EcoinRules& rules,
                                  const std::string& msisdn, std::int64_t amount_fen,
                                  const std::string& receipt, std::int64_t now_ms) {
    if (rules.per_yuan <= 0 || amount_fen < rules.min_amount_fen)
        return 0;
    const std::int64_t awarded_today =
        tx.query(
              "SELECT coalesce(sum(ecoins_delta), 0) AS n FROM points_ledger "
              "WHERE msisdn = ? AND reason = 'epayment_reward' AND ts_ms >= ?",
              {msisdn, shanghai_day_start_ms(now_ms)})
            .front()
            .integer("n");
    const std::int64_t earned =
        std::min(amount_fen / 100 * rules.per_yuan,
                 std::max<std::int64_t>(rules.daily_cap - awarded_today, 0));
    if (earned > 0)
        move_points(tx, msisdn, 0, earned, "epayment_reward", receipt, now_ms);
    return earned;
}

}  // namespace ehall::billing
