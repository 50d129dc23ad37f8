// An import's ok events counted into the journal's `monthly_usage` summary (month, business,
// customer, channel -> n). Each event becomes one 64-bit key; keys are sorted in runs and
// merged into one sorted list of distinct keys with their counts, which is added to the
// table once, in the table's key order: the summary's B-tree is written front to back in a
// single pass, however many runs the file took. Memory grows with the distinct keys (12
// bytes each, twice that while a run is merged), not with the events.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "gateway/analytics/sqlite_file.hpp"

namespace ehall::analytics {

class UsageCounts {
  public:
    // `run_keys`: how many events are sorted at a time before being merged (tests make it small).
    explicit UsageCounts(SqliteFile& db, std::size_t run_keys = std::size_t{1} << 22);

    // An ok event: business and channel are indexes into the vocabulary, msisdn 11 digits.
    void add(std::int64_t ts_ms, std::size_t business, std::uint64_t msisdn, std::size_t channel);
    // Adds the counts to the table (inside the caller's transaction); call once, at the end.
    void flush();

  private:
    void merge_run();
    // Binds keys_[from, from + rows) with their counts to `upsert` and runs it.
    void write(Statement& upsert, std::size_t from, std::size_t rows);

    Statement batch_upsert_, one_upsert_;
    std::size_t run_keys_;
    std::vector<std::uint64_t> run_;     // keys added since the last merge, unsorted
    std::vector<std::uint64_t> keys_;    // distinct keys, sorted
    std::vector<std::uint32_t> counts_;  // events per key of keys_
};

}  // namespace ehall::analytics
