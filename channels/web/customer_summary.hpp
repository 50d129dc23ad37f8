// What the home page shows of the logged-in customer, read straight from the store so
// that looking at the home page is not journaled as balance or bill queries.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <ehall/store.hpp>

namespace ehall {

struct CustomerSummary {
    std::string name;
    std::string brand;
    std::int64_t balance_fen = 0;
    std::int64_t due_fen = 0;         // unpaid bills
    std::int64_t points_balance = 0;  // the account's loyalty points and e-coins (core columns)
    std::int64_t ecoins_balance = 0;
};

std::optional<CustomerSummary> read_customer_summary(Store& store, const std::string& msisdn);

}  // namespace ehall
