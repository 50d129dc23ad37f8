#include "channels/kiosk/cash_box_watch.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "gateway/base/yuan.hpp"

namespace ehall {

CashBoxWatch::CashBoxWatch(Metrics& metrics) : metrics_(metrics) {
    count_mismatches();  // 0 from the start, so an alert rule has a series to watch
}

void CashBoxWatch::heard(const std::string& terminal_id, const CashBoxFigures& figures) {
    const auto difference = figures.difference_fen();
    if (!difference)
        return;
    std::lock_guard lock(mutex_);
    std::int64_t& last = differences_[terminal_id];  // a new terminal: as if it matched
    if (*difference == last)
        return;
    last = *difference;
    if (*difference != 0) {
        spdlog::warn(
            "kiosk {} cash box: counted {} yuan, expected {} from the cash taken since the last "
            "collection (difference {})",
            terminal_id, format_yuan(*figures.reported_fen), format_yuan(figures.expected_fen),
            format_yuan(*difference));
    } else {
        spdlog::info("kiosk {} cash box: the count matches the cash taken again", terminal_id);
    }
    count_mismatches();
}

void CashBoxWatch::count_mismatches() {
    const auto mismatches = std::count_if(differences_.begin(), differences_.end(),
                                          [](const auto& entry) { return entry.second != 0; });
    metrics_.set_gauge("ehall_kiosk_cash_box_mismatches",
                       "kiosk terminals whose last cash box count differs from the cash taken",
                       static_cast<double>(mismatches));
}

}  // namespace ehall
