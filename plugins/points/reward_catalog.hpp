// The rewards a customer may see and redeem: the core `rewards` catalog filtered by the
// customer's brand, priced with the plugin's brand overrides (`reward_prices`).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <ehall/store.hpp>

namespace ehall::points {

struct Customer {
    std::string msisdn{};
    std::string brand{};
    std::int64_t points = 0;
    std::int64_t ecoins = 0;
};

struct Reward {
    std::string item{};
    std::string title{};
    std::string kind{};             // phone_credit, service_fee, gift, merchant_voucher
    std::int64_t points_price = 0;  // for the customer's brand; 0: not payable with points
    std::int64_t ecoins_price = 0;  // for the customer's brand; 0: not payable with e-coins
    std::int64_t value_fen = 0;
    std::optional<std::int64_t> stock{};  // rewards.stock; nullopt: unlimited
    std::int64_t unused_codes = 0;        // merchant vouchers: codes left in the pool

    // What can still be redeemed; nullopt: unlimited.
    std::optional<std::int64_t> stock_left() const;
};

std::optional<Customer> find_customer(Transaction& tx, const std::string& msisdn);

// Every reward offered to `brand`, cheapest first.
std::vector<Reward> rewards_for_brand(Transaction& tx, const std::string& brand);

// One reward by item code (case-insensitive), nullopt when unknown or not for `brand`.
std::optional<Reward> find_reward(Transaction& tx, const std::string& item,
                                  const std::string& brand);

}  // namespace ehall::points
