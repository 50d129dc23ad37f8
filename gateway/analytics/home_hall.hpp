// The hall a customer used a channel at (DESIGN §6a, `report diversion --by-hall`): the hall of
// most of their ok transactions of one business via the channel in a month (ties: the smaller
// hall id), the hall being the journal row's subchannel (an imported hall_id, a kiosk's hall).
// Steps through the customers in msisdn order, as CustomerUsageReader does, to be merged with it.
#pragma once

#include <string>
#include <string_view>

#include "gateway/analytics/month.hpp"
#include "gateway/analytics/report_sources.hpp"

namespace ehall::analytics {

class HomeHallReader {
  public:
    HomeHallReader(ReportSources& sources, const Month& month, std::string_view business,
                   std::string_view channel);

    // Moves forward (never back) to `msisdn`; false when it has no transaction at a hall.
    bool seek(std::string_view msisdn);
    const std::string& hall() const { return hall_; }

  private:
    bool next();

    ReportStatement rows_;
    bool pending_ = false;  // rows_ holds a row not read into msisdn_ / hall_ yet
    std::string msisdn_, hall_;
};

}  // namespace ehall::analytics
