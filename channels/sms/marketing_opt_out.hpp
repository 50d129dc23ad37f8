// `TD` (退订): the numbers that asked for no marketing messages. Offers and pushes read
// it before contacting a number; `KT` removes the flag again.
#pragma once

#include <cstdint>
#include <string>

#include <ehall/store.hpp>

namespace ehall::sms {

class MarketingOptOut {
  public:
    explicit MarketingOptOut(Store& store) : store_(store) {}

    void opt_out(const std::string& msisdn, std::int64_t now_ms);
    void opt_in(const std::string& msisdn);
    bool opted_out(const std::string& msisdn);

  private:
    Store& store_;
};

}  // namespace ehall::sms
