// The `topup_voucher` operation: a recharge voucher's PIN adds its amount to the balance
// (settling due bills it now covers), once. Wrong PINs (unknown or already used) count
// against the customer: after `attempts_per_day` of them within one Asia/Shanghai day,
// voucher top-ups answer `locked` until the next day, so PINs cannot be guessed.
#pragma once

#include <cstdint>

#include <ehall/plugin.hpp>

namespace ehall::billing {

class VoucherTopUp {
  public:
    VoucherTopUp(Store& store, std::int64_t attempts_per_day)
        : store_(store), attempts_per_day_(attempts_per_day) {}

    ServiceResult run(const ServiceRequest& request);

  private:
    Store& store_;
    std::int64_t attempts_per_day_;
};

}  // namespace ehall::billing
