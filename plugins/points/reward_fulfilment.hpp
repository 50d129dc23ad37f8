// Hands the customer what was redeemed, inside the redemption's transaction: phone credit
// or a service fee credit on the balance, a pickup code for a gift, a pooled code for a
// merchant voucher.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include <ehall/store.hpp>
#include "reward_catalog.hpp"

namespace ehall::points {

struct Fulfilment {
    nlohmann::json data = nlohmann::json::object();  // merged into the result data
    std::optional<std::int64_t> amount_fen{};        // money credited to the balance
    std::string code{};                              // pickup or voucher code, if any
};

struct FulfilmentContext {
    std::string msisdn{};
    std::string channel{};
    std::string redemption_no{};
    std::int64_t now_ms = 0;
};

// nullopt when a merchant voucher's pool has no code left.
std::optional<Fulfilment> fulfil(Transaction& tx, const Reward& reward,
                                 const FulfilmentContext& context);

}  // namespace ehall::points
