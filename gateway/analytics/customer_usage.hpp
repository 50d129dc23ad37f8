// Steps through the journal's monthly summary (`monthly_usage`) for one month and business,
// one customer at a time in msisdn order: the reports merge such streams instead of reading
// events, so their memory does not grow with the journal.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "gateway/analytics/month.hpp"
#include "gateway/analytics/report_sources.hpp"
#include "gateway/analytics/vocabulary.hpp"

namespace ehall::analytics {

// One customer's ok transactions of the business in the month.
struct CustomerUsage {
    std::string msisdn;
    std::array<std::int64_t, channels.size()> by_channel{};  // in vocabulary order
    std::int64_t total = 0;  // every channel, also those outside the vocabulary
};

class CustomerUsageReader {
  public:
    // Only the customers that count in `sources` (customer_filter.hpp).
    CustomerUsageReader(ReportSources& sources, const Month& month, std::string_view business);

    // Moves to the next customer; false at the end.
    bool next();
    // Moves forward (never back) to `msisdn`; false when it has no transaction.
    bool seek(std::string_view msisdn);
    const CustomerUsage& customer() const { return customer_; }

  private:
    ReportStatement rows_;
    bool pending_ = false;  // rows_ holds a row that is not in customer_ yet
    CustomerUsage customer_;
};

}  // namespace ehall::analytics
