// Watches the cash box counts terminals report in their heartbeats against the cash they
// took (channels/kiosk/cash_box.hpp): a mismatch is logged as a warning once per change of
// the difference, and the gauge ehall_kiosk_cash_box_mismatches counts the terminals whose
// last count did not match, for alerting. Per gateway instance: each warns of what it hears.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>

#include "channels/kiosk/cash_box.hpp"
#include "gateway/base/metrics.hpp"

namespace ehall {

class CashBoxWatch {
  public:
    explicit CashBoxWatch(Metrics& metrics);

    // A heartbeat's figures; nothing happens without a reported count.
    void heard(const std::string& terminal_id, const CashBoxFigures& figures);

  private:
    void count_mismatches();  // under mutex_

    Metrics& metrics_;
    std::mutex mutex_;
    std::map<std::string, std::int64_t> differences_;  // by terminal, as last reported
};

}  // namespace ehall
