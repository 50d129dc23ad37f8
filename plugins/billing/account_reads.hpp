// The billing plugin's read operations: balance, bills, payment and top-up history.
#pragma once

#include <ehall/plugin.hpp>

namespace ehall::billing {

ServiceResult read_balance(Store& store, const std::string& msisdn);
// The latest bill and the six months before it, with what is still due.
ServiceResult read_bills(Store& store, const std::string& msisdn);
// The latest payments and top-ups (every credit to the balance), newest first.
ServiceResult read_history(Store& store, const std::string& msisdn);

}  // namespace ehall::billing
