// The points plugin's read operations: the two balances and the catalog.
#pragma once

#include <ehall/plugin.hpp>

namespace ehall::points {

// Points and e-coins of the customer.
ServiceResult read_points(Store& store, const std::string& msisdn);
// The rewards for the customer's brand at the customer's price, with stock left and
// whether the customer can afford them.
ServiceResult read_catalog(Store& store, const std::string& msisdn);

}  // namespace ehall::points
