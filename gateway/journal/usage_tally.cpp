#include "gateway/journal/usage_tally.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <stdexcept>
#include <string>
#include <utility>

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
    for (std::size_t i = 0; i < kKeysPerUpsert.size(); ++i) {
        std::string sql = "INSERT INTO monthly_usage (month, business, msisdn, channel, n) VALUES ";
        for (int key = 0; key < kKeysPerUpsert[i]; ++key)
            sql.append(key == 0 ? "(?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?)");
        sql.append(" ON CONFLICT DO UPDATE SET n = n + excluded.n");
        if (sqlite3_prepare_v3(db, sql.c_str(), static_cast<int>(sql.size()),
                               SQLITE_PREPARE_PERSISTENT, &upserts_[i], nullptr) != SQLITE_OK) {
            const std::string error = sqlite3_errmsg(db);
            finalize();
            throw std::runtime_error("journal: cannot prepare the summary upsert: " + error);
        }
    }
}

UsageTally::~UsageTally() {
    finalize();
}

void UsageTally::finalize() {
    for (sqlite3_stmt*& upsert : upserts_)
        sqlite3_finalize(std::exchange(upsert, nullptr));
}

void UsageTally::add(const InteractionRecord& r) {
    if (r.outcome != "ok" || !is_counted_business(r.business))
        return;
    if (const auto month = monthly_usage_month(r.ts_ms))
        keys_.push_back({*month, r.business, r.msisdn, r.channel});
}

void UsageTally::clear() {
    keys_.clear();
    counts_.clear();
}

bool UsageTally::write() {
    std::sort(keys_.begin(), keys_.end());
    for (auto at = keys_.begin(); at != keys_.end();) {
        const auto run_end = std::find_if(at, keys_.end(), [&](const Key& k) { return k != *at; });
        counts_.push_back({*at, run_end - at});
        at = run_end;
    }
    bool ok = true;
    std::size_t done = 0;
    for (std::size_t i = 0; ok && i < kKeysPerUpsert.size(); ++i) {
        const auto keys = static_cast<std::size_t>(kKeysPerUpsert[i]);
        for (; ok && counts_.size() - done >= keys; done += keys)
            ok = upsert(upserts_[i], done, keys);
    }
    clear();
    return ok;
}

bool UsageTally::upsert(sqlite3_stmt* s, std::size_t first, std::size_t keys) {
    if (sqlite3_reset(s) != SQLITE_OK)
        return false;
    for (std::size_t k = 0; k < keys; ++k) {
        const auto& [key, n] = counts_[first + k];
        const int i = static_cast<int>(k) * 5;
        if (sqlite3_bind_int(s, i + 1, key.month) != SQLITE_OK ||
            bind_view(s, i + 2, key.business) != SQLITE_OK ||
            bind_view(s, i + 3, key.msisdn) != SQLITE_OK ||
            bind_view(s, i + 4, key.channel) != SQLITE_OK ||
            sqlite3_bind_int64(s, i + 5, n) != SQLITE_OK)
            return false;
    }
    const bool done = sqlite3_step(s) == SQLITE_DONE;
    sqlite3_reset(s);
    return done;
}

}  // namespace ehall
