#include "gateway/journal/usage_tally.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <stdexcept>
#include <string>

#include "gateway/journal/journal_schema.hpp"

namespace ehall {
namespace {

constexpr std::int64_t kShanghaiOffsetSeconds = 8 * 3600;

bool is_counted_business(std::string_view business) {
    return std::find(monthly_usage_businesses.begin(), monthly_usage_businesses.end(), business) !=
           monthly_usage_businesses.end();
}

int bind_view(sqlite3_stmt* s, int index, std::string_view value) {
    // A non-null pointer even for '' (no customer): the column is NOT NULL.
    return sqlite3_bind_text(s, index, value.empty() ? "" : value.data(),
                             static_cast<int>(value.size()), SQLITE_STATIC);
}

}  // namespace

std::optional<int> monthly_usage_month(std::int64_t ts_ms) {
    if (ts_ms < 0 || ts_ms > monthly_usage_last_ms)
        return std::nullopt;
    using namespace std::chrono;
    const sys_seconds shanghai{seconds{ts_ms / 1000 + kShanghaiOffsetSeconds}};
    const year_month_day day{floor<days>(shanghai)};
    return static_cast<int>(day.year()) * 100 + static_cast<int>(unsigned{day.month()});
}

UsageTally::UsageTally(sqlite3* db) {
    constexpr const char* kUpsert =
        "INSERT INTO monthly_usage (month, business, msisdn, channel, n) VALUES (?1, ?2, ?3, ?4, "
        "?5) ON CONFLICT DO UPDATE SET n = n + excluded.n";
    if (sqlite3_prepare_v3(db, kUpsert, -1, SQLITE_PREPARE_PERSISTENT, &upsert_, nullptr) !=
        SQLITE_OK)
        throw std::runtime_error(std::string("journal: cannot prepare the summary upsert: ") +
                                 sqlite3_errmsg(db));
}

UsageTally::~UsageTally() {
    sqlite3_finalize(upsert_);
}

void UsageTally::add(const InteractionRecord& r) {
    if (r.outcome != "ok" || !is_counted_business(r.business))
        return;
    if (const auto month = monthly_usage_month(r.ts_ms))
        keys_.push_back({*month, r.business, r.msisdn, r.channel});
}

bool UsageTally::write() {
    std::sort(keys_.begin(), keys_.end());
    bool ok = true;
    for (auto at = keys_.begin(); ok && at != keys_.end();) {
        const auto run_end = std::find_if(at, keys_.end(), [&](const Key& k) { return k != *at; });
        ok = sqlite3_reset(upsert_) == SQLITE_OK &&
             sqlite3_bind_int(upsert_, 1, at->month) == SQLITE_OK &&
             bind_view(upsert_, 2, at->business) == SQLITE_OK &&
             bind_view(upsert_, 3, at->msisdn) == SQLITE_OK &&
             bind_view(upsert_, 4, at->channel) == SQLITE_OK &&
             sqlite3_bind_int64(upsert_, 5, run_end - at) == SQLITE_OK &&
             sqlite3_step(upsert_) == SQLITE_DONE;
        at = run_end;
    }
    sqlite3_reset(upsert_);
    keys_.clear();
    return ok;
}

}  // namespace ehall
