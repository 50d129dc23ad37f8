// The merchant-alliance voucher pool: codes imported from a CSV file (`item,code`, with a
// header) into `merchant_voucher_codes`, each handed out once by a redemption.
#pragma once

#include <cstddef>
#include <istream>
#include <string>
#include <vector>

#include <ehall/store.hpp>

namespace ehall::points {

struct VoucherCode {
    std::string item{};
    std::string code{};
    int line = 0;
};

// Parses the whole file; throws std::invalid_argument naming the first malformed line.
std::vector<VoucherCode> parse_voucher_pool(std::istream& csv);

// Reads `path` and adds its codes in one transaction (codes already known are kept as
// they are). Every item must be a merchant voucher in `rewards`. Returns the codes added.
std::size_t import_voucher_pool(Store& store, const std::string& path);

}  // namespace ehall::points
