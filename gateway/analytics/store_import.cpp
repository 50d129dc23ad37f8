// `ehall import customers|segments`: rows for the store's customers and segments tables.
#include <array>

#include "gateway/analytics/event_import.hpp"
#include "gateway/analytics/event_time.hpp"
#include "gateway/analytics/field_checks.hpp"
#include "gateway/store/core_schema.hpp"
#include "gateway/store/database_url.hpp"
#include "gateway/store/migrations.hpp"
#include "gateway/store/pg_connection.hpp"
#include "gateway/store/pg_store.hpp"
#include "gateway/store/sqlite_connection.hpp"
#include "gateway/store/sqlite_store.hpp"

namespace ehall::analytics {

namespace {

constexpr std::array<std::string_view, 3> brands = {"全球通", "动感地带", "神州行"};

// A customer imported again gets the new details; password and status stay.
constexpr const char* kUpsertCustomer =
    "INSERT INTO customers (msisdn, name, brand, home_area, join_date) VALUES (?, ?, ?, ?, ?) "
    "ON CONFLICT (msisdn) DO UPDATE SET name = excluded.name, brand = excluded.brand, "
    "home_area = excluded.home_area, join_date = excluded.join_date";
constexpr const char* kCreateAccount =
    "INSERT INTO accounts (msisdn) VALUES (?) ON CONFLICT DO NOTHING";
constexpr const char* kInsertSegment =
    "INSERT INTO segments (msisdn, tag) VALUES (?, ?) ON CONFLICT DO NOTHING";

// A connection to the store with the core schema in place: ehall.db (created if needed) or
// the PostgreSQL database.
std::unique_ptr<Transaction> open_store(const DataPlace& place) {
    if (!place.store_url.empty()) {
        {
            PgStore store({.url = place.store_url, .max_connections = 2});
            store.exclusively([&] { apply_migrations(store, "core", core_migrations()); });
        }
        return std::make_unique<PgConnection>(place.store_url, without_password(place.store_url));
    }
    const auto store_db = place.data_dir / "ehall.db";
    {
        SqliteStore store({.path = store_db});
        apply_migrations(store, "core", core_migrations());
    }
    auto db = std::make_unique<SqliteConnection>(store_db, std::chrono::seconds(5), false);
    db->execute("PRAGMA foreign_keys=ON");
    return db;
}

// The import's transaction on `db`.
ImportDatabase import_database(Transaction& db, const DataPlace& place) {
    return {.exec = [&db](const char* sql) { db.execute(sql); },
            .begin = place.store_url.empty() ? "BEGIN IMMEDIATE" : "BEGIN"};
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

ImportResult import_customers(const std::filesystem::path& csv, const DataPlace& place,
                              bool skip_bad) {
    CsvFile file(csv);
    const std::unique_ptr<Transaction> db = open_store(place);
    const CsvLayout layout{{"msisdn", "name", "brand", "home_area", "join_date"}, {}};
    return import_csv(file, import_database(*db, place), layout, skip_bad,
                      [&](const CsvHeader&) -> RowImporter {
                          return [&](const std::vector<std::string_view>& f) {
                              if (auto bad = check_customer(f); !bad.empty())
                                  return bad;
                              db->execute(kUpsertCustomer,
                                          {std::string(f[0]), std::string(f[1]), std::string(f[2]),
                                           std::string(f[3]), std::string(f[4])});
                              db->execute(kCreateAccount, {std::string(f[0])});
                              return std::string();
                          };
                      });
}

ImportResult import_segments(const std::filesystem::path& csv, const DataPlace& place,
                             bool skip_bad) {
    CsvFile file(csv);
    const std::unique_ptr<Transaction> db = open_store(place);
    const CsvLayout layout{{"msisdn", "tag"}, {}};
    return import_csv(
        file, import_database(*db, place), layout, skip_bad, [&](const CsvHeader&) -> RowImporter {
            return [&](const std::vector<std::string_view>& f) {
                if (auto bad = check_msisdn(f[0]); !bad.empty())
                    return bad;
                if (!is_plain_name(f[1]))
                    return bad_field("tag", f[1], "is not a tag of 1 to 64 letters, digits, _ - .");
                db->execute(kInsertSegment, {std::string(f[0]), std::string(f[1])});
                return std::string();
            };
        });
}

}  // namespace ehall::analytics
