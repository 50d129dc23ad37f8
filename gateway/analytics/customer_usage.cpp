#include "gateway/analytics/customer_usage.hpp"

namespace ehall::analytics {

namespace {

// The primary key's order: (month, business) fixed, then msisdn and channel.
constexpr const char* kRows =
    "SELECT msisdn, channel, n FROM monthly_usage WHERE month = ?1 AND business = ?2 "
    "AND msisdn > ''";
constexpr const char* kOrder = " ORDER BY msisdn, channel";

}  // namespace

CustomerUsageReader::CustomerUsageReader(ReportSources& sources, const Month& month,
                                         std::string_view business)
    : rows_(sources.db.prepare(
          std::string(kRows).append(sources.customers_only("msisdn")).append(kOrder))) {
    rows_.bind(1, std::int64_t{month.key()}).bind(2, business);
    pending_ = rows_.step();
}

bool CustomerUsageReader::next() {
    if (!pending_)
        return false;
    customer_.msisdn.assign(rows_.text(0));
    customer_.by_channel.fill(0);
    customer_.total = 0;
    while (pending_ && rows_.text(0) == customer_.msisdn) {
        const std::int64_t n = rows_.integer(2);
        if (const std::size_t channel = index_of(channels, rows_.text(1));
            channel < channels.size())
            customer_.by_channel[channel] += n;
        customer_.total += n;
        pending_ = rows_.step();
    }
    return true;
}

bool CustomerUsageReader::seek(std::string_view msisdn) {
    while (customer_.msisdn < msisdn) {
        if (!next())
            return false;
    }
    return customer_.msisdn == msisdn;
}

}  // namespace ehall::analytics
