// An import's ok events counted into the journal's `monthly_usage` summary (month, business,
// customer, channel -> n). Each event becomes one 64-bit key; a run of keys is sorted and
// added to the table in key order, so the summary's B-tree is written front to back rather
// than at a random place per event, and memory stays bounded by the run length.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "gateway/analytics/sqlite_file.hpp"

namespace ehall::analytics {

class UsageCounts {
  public:
    explicit UsageCounts(SqliteFile& db);

    // An ok event: business and channel are indexes into the vocabulary, msisdn 11 digits.
    void add(std::int64_t ts_ms, std::size_t business, std::uint64_t msisdn, std::size_t channel);
    // Adds the keys held in memory to the table (inside the caller's transaction).
    void flush();

  private:
    Statement upsert_;
    std::vector<std::uint64_t> keys_;
};

}  // namespace ehall::analytics
