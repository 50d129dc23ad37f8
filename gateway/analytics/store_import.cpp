// `ehall import customers|segments`: rows for the store's customers and segments tables.
#include <array>

#include "gateway/analytics/event_import.hpp"
#include "gateway/analytics/event_time.hpp"
#include "gateway/analytics/field_checks.hpp"
#include "gateway/store/core_schema.hpp"
#include "gateway/store/migrations.hpp"
#include "gateway/store/sqlite_store.hpp"

namespace ehall::analytics {

namespace {

constexpr std::array<std::string_view, 3> brands = {"全球通", "动感地带", "神州行"};

// A customer imported again gets the new details; password and status stay.
constexpr const char* kUpsertCustomer =
    "INSERT INTO customers (msisdn, name, brand, home_area, join_date) VALUES (?, ?, ?, ?, ?) "
    "ON CONFLICT (msisdn) DO UPDATE SET name = excluded.name, brand = excluded.brand, "
    "home_area = excluded.home_area, join_date = excluded.join_date";
constexpr const char* kCreateAccount = "INSERT OR IGNORE INTO accounts (msisdn) VALUES (?)";
constexpr const char* kInsertSegment = "INSERT OR IGNORE INTO segments (msisdn, tag) VALUES (?, ?)";

// Opens ehall.db with the core schema in place (creating the file if needed).
SqliteFile open_store(const std::filesystem::path& store_db) {
    {
        SqliteStore store({.path = store_db});
        apply_migrations(store, "core", core_migrations());
    }
    SqliteFile db(store_db, SqliteFile::Mode::read_write);
    db.exec("PRAGMA foreign_keys=ON;");
    return db;
}

bool is_area_code(std::string_view value) {
    if (value.size() < 3 || value.size() > 4 || value[0] != '0')
        return false;
    for (char c : value) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

std::string check_customer(const std::vector<std::string_view>& f) {
    if (auto bad = check_msisdn(f[0]); !bad.empty())
        return bad;
    if (f[1].empty() || f[1].size() > 100)
        return bad_field("name", f[1], "must have 1 to 100 bytes");
    bool known_brand = false;
    for (std::string_view brand : brands)
        known_brand = known_brand || brand == f[2];
    if (!known_brand)
        return bad_field("brand", f[2], "is not one of 全球通, 动感地带, 神州行");
    if (!is_area_code(f[3]))
        return bad_field("home_area", f[3], "is not an area code such as 0755");
    if (!is_calendar_date(f[4]))
        return bad_field("join_date", f[4], "is not a date YYYY-MM-DD");
    return {};
}

}  // namespace

ImportResult import_customers(const std::filesystem::path& csv,
                              const std::filesystem::path& store_db, bool skip_bad) {
    CsvFile file(csv);
    SqliteFile db = open_store(store_db);
    Statement upsert = db.prepare(kUpsertCustomer);
    Statement account = db.prepare(kCreateAccount);
    const CsvLayout layout{{"msisdn", "name", "brand", "home_area", "join_date"}, {}};
    return import_csv(file, db, layout, skip_bad, [&](const CsvHeader&) -> RowImporter {
        return [&](const std::vector<std::string_view>& f) {
            if (auto bad = check_customer(f); !bad.empty())
                return bad;
            upsert.bind(1, f[0]).bind(2, f[1]).bind(3, f[2]).bind(4, f[3]).bind(5, f[4]).run();
            account.bind(1, f[0]).run();
            return std::string();
        };
    });
}

ImportResult import_segments(const std::filesystem::path& csv,
                             const std::filesystem::path& store_db, bool skip_bad) {
    CsvFile file(csv);
    SqliteFile db = open_store(store_db);
    Statement insert = db.prepare(kInsertSegment);
    const CsvLayout layout{{"msisdn", "tag"}, {}};
    return import_csv(file, db, layout, skip_bad, [&](const CsvHeader&) -> RowImporter {
        return [&](const std::vector<std::string_view>& f) {
            if (auto bad = check_msisdn(f[0]); !bad.empty())
                return bad;
            if (!is_plain_name(f[1]))
                return bad_field("tag", f[1], "is not a tag of 1 to 64 letters, digits, _ - .");
            insert.bind(1, f[0]).bind(2, f[1]).run();
            return std::string();
        };
    });
}

}  // namespace ehall::analytics
