// The journal writer's own count of a batch's ok rows into `monthly_usage`, in the batch's
// transaction, on a connection with triggers off: one upsert per distinct key, in key order,
// instead of the insert trigger's date arithmetic and upsert for every row (and the temporary
// table SQLite fills for a multi-row INSERT into a table with row triggers).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
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
    void clear() { keys_.clear(); }

  private:
    struct Key {
        int month;
        std::string_view business, msisdn, channel;
        auto operator<=>(const Key&) const = default;
    };

    std::vector<Key> keys_;
    sqlite3_stmt* upsert_ = nullptr;
};

}  // namespace ehall
