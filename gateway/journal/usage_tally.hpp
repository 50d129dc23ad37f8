// The journal writer's own count of a batch's ok rows into `monthly_usage`, in the batch's
// transaction, on a connection with triggers off: one upsert per distinct key, in key order,
// instead of the insert trigger's date arithmetic and upsert for every row (and the temporary
// table SQLite fills for a multi-row INSERT into a table with row triggers).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "gateway/journal/interaction_record.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace ehall {

// The Shanghai month (YYYYMM) `monthly_usage` counts an ok row at `ts_ms` in, as the trigger
// computes it; none outside 1970-01-01 Shanghai .. monthly_usage_last_ms.
std::optional<int> monthly_usage_month(std::int64_t ts_ms);

class UsageTally {
  public:
    // Prepares the upsert on `db`; throws std::runtime_error when it cannot.
    explicit UsageTally(sqlite3* db);
    ~UsageTally();
    UsageTally(const UsageTally&) = delete;
    UsageTally& operator=(const UsageTally&) = delete;

    // Notes `record` if the summary counts it. It keeps views into the record, which must
    // live until write() or clear().
    void add(const InteractionRecord& record);
    // Adds the noted counts to `monthly_usage` and forgets them; false on an SQLite error.
    bool write();
    void clear();

  private:
    struct Key {
        int month;
        std::string_view business, msisdn, channel;
        auto operator<=>(const Key&) const = default;
    };
    // Keys per upsert statement, largest first, as the writer's INSERTs.
    static constexpr std::array<int, 3> kKeysPerUpsert = {256, 16, 1};

    // Upserts counts_[first, first + keys) with `s`, made for that many keys.
    bool upsert(sqlite3_stmt* s, std::size_t first, std::size_t keys);
    void finalize();

    std::vector<Key> keys_;                             // one per counted record
    std::vector<std::pair<Key, std::int64_t>> counts_;  // distinct keys, in order, and counts
    std::array<sqlite3_stmt*, kKeysPerUpsert.size()> upserts_{};
};

}  // namespace ehall
