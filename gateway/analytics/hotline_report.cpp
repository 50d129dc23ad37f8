#include "gateway/analytics/hotline_report.hpp"

#include "gateway/analytics/preference_level.hpp"

namespace ehall::analytics {

namespace {

// The target customers, and those of them who called in any month measured.
constexpr std::string_view kTarget = "hotline_target", kCalled = "hotline_called";

std::string setup_sql(const ReportDatabase& db) {
    std::string sql;
    for (const std::string_view table : {kTarget, kCalled})
        sql.append("DROP TABLE IF EXISTS ")
            .append(db.temp_table(table))
            .append("; CREATE TEMP TABLE ")
            .append(table)
            .append(" (msisdn TEXT PRIMARY KEY) WITHOUT ROWID; ");
    return sql;
}

std::string clean_up_sql(const ReportDatabase& db) {
    return "DROP TABLE " + db.temp_table(kTarget) + "; DROP TABLE " + db.temp_table(kCalled);
}

// Hotline contacts (ok rows, every business) in month ?1, from the summary.
constexpr const char* kContacts =
    "FROM monthly_usage WHERE month = ?1 AND channel = 'hotline' AND msisdn > '' ";
std::string of_target(const ReportDatabase& db) {
    return "AND msisdn IN (SELECT msisdn FROM " + db.temp_table(kTarget) + ") ";
}

std::int64_t rows_of(ReportDatabase& db, std::string_view temp_table) {
    ReportStatement statement =
        db.prepare(std::string("SELECT COUNT(*) FROM ").append(db.temp_table(temp_table)));
    statement.step();
    return statement.integer(0);
}

// The target customers whose hotline preference level (every business together) fell from
// at least 4 in the base month to 1 or 2 in `last`. Both months' usage per customer in
// msisdn order, so nothing is held per customer.
std::int64_t level_drops(ReportDatabase& db, const Month& base, const Month& last) {
    ReportStatement usage = db.prepare(
        std::string("SELECT msisdn, month, SUM(CASE WHEN channel = 'hotline' THEN n ELSE 0 END), "
                    "SUM(n) FROM monthly_usage WHERE month IN (?1, ?2) ")
            .append(of_target(db))
            .append("GROUP BY msisdn, month ORDER BY msisdn, month"));
    usage.bind(1, std::int64_t{base.key()}).bind(2, std::int64_t{last.key()});
    std::int64_t dropped = 0;
    std::string msisdn;
    int base_level = 0;
    while (usage.step()) {
        if (usage.text(0) != msisdn) {
            msisdn.assign(usage.text(0));
            base_level = 0;
        }
        const int level = preference_level(usage.integer(2), usage.integer(3));
        if (usage.integer(1) == base.key())
            base_level = level;
        else if (base_level >= 4 && (level == 1 || level == 2))
            ++dropped;
    }
    return dropped;
}

}  // namespace

HotlineQuery HotlineQuery::from_params(const ReportParams& params) {
    return {.base = month_param(params, "base"),
            .months = months_param(params, "months"),
            .min_calls = int_param(params, "min-calls", 1, 1000000, 3)};
}

nlohmann::json hotline_report(ReportSources& sources, const HotlineQuery& query) {
    ReportDatabase& db = sources.db;
    db.exec(setup_sql(db));
    ReportStatement target = db.prepare(std::string("INSERT INTO ")
                                            .append(db.temp_table(kTarget))
                                            .append(" SELECT msisdn ")
                                            .append(kContacts)
                                            .append(sources.customers_only("msisdn"))
                                            .append(" GROUP BY msisdn HAVING SUM(n) >= ?2"));
    target.bind(1, std::int64_t{query.base.key()}).bind(2, std::int64_t{query.min_calls}).run();
    const std::int64_t target_size = rows_of(db, kTarget);

    // Per month: the target customers who called, and those who called exactly once.
    ReportStatement called = db.prepare(
        std::string("SELECT COUNT(*), COALESCE(SUM(CASE WHEN n = 1 THEN 1 ELSE 0 END), 0) "
                    "FROM (SELECT SUM(n) AS n ")
            .append(kContacts)
            .append(of_target(db))
            .append("GROUP BY msisdn) AS callers"));
    ReportStatement remember = db.prepare(std::string("INSERT INTO ")
                                              .append(db.temp_table(kCalled))
                                              .append(" SELECT DISTINCT msisdn ")
                                              .append(kContacts)
                                              .append(of_target(db))
                                              .append("ON CONFLICT DO NOTHING"));
    nlohmann::json months = nlohmann::json::array();
    nlohmann::json month_names = nlohmann::json::array();
    for (const Month& month : query.months) {
        called.bind(1, std::int64_t{month.key()});
        called.step();
        const std::int64_t callers = called.integer(0), once = called.integer(1);
        called.reset();
        remember.bind(1, std::int64_t{month.key()}).run();
        const std::int64_t no_calls = target_size - callers;
        months.push_back({{"month", month.text()},
                          {"no_calls", no_calls},
                          {"no_calls_rate", fraction(no_calls, target_size)},
                          {"below_two", once},
                          {"below_two_rate", fraction(once, callers)}});
        month_names.push_back(month.text());
    }
    const std::int64_t never = target_size - rows_of(db, kCalled);
    const Month& last = query.months.back();
    const std::int64_t dropped = level_drops(db, query.base, last);

    nlohmann::json by_business = nlohmann::json::object();
    ReportStatement businesses = db.prepare(std::string("SELECT business, SUM(n) ")
                                                .append(kContacts)
                                                .append(of_target(db))
                                                .append("GROUP BY business ORDER BY business"));
    businesses.bind(1, std::int64_t{query.base.key()});
    while (businesses.step())
        by_business[std::string(businesses.text(0))] = businesses.integer(1);
    db.exec(clean_up_sql(db));

    return {
        {"base", query.base.text()},
        {"min_calls", query.min_calls},
        {"target_size", target_size},
        {"months", std::move(months)},
        {"consecutive",
         {{"months", std::move(month_names)},
          {"no_calls", never},
          {"rate", fraction(never, target_size)}}},
        {"level_drop",
         {{"month", last.text()}, {"dropped", dropped}, {"rate", fraction(dropped, target_size)}}},
        {"by_business", std::move(by_business)}};
}

ReportTable hotline_table(const nlohmann::json& report) {
    ReportTable table;
    table.title = "Hotline: " + std::to_string(report["target_size"].get<long long>()) +
                  " customers with >= " + std::to_string(report["min_calls"].get<int>()) +
                  " contacts in " + report["base"].get<std::string>();
    table.columns = {"month", "no_calls", "no_calls_rate", "below_two", "below_two_rate"};
    for (const auto& month : report["months"])
        table.rows.push_back({month["month"].get<std::string>(),
                              std::to_string(month["no_calls"].get<long long>()),
                              rate_cell(month["no_calls_rate"].get<double>()),
                              std::to_string(month["below_two"].get<long long>()),
                              rate_cell(month["below_two_rate"].get<double>())});
    const auto& consecutive = report["consecutive"];
    table.rows.push_back({"consecutive", std::to_string(consecutive["no_calls"].get<long long>()),
                          rate_cell(consecutive["rate"].get<double>()), "", ""});
    const auto& drop = report["level_drop"];
    table.rows.push_back({"level_drop " + drop["month"].get<std::string>(),
                          std::to_string(drop["dropped"].get<long long>()),
                          rate_cell(drop["rate"].get<double>()), "", ""});
    for (const auto& [business, n] : report["by_business"].items())
        table.rows.push_back(
            {"base calls: " + business, std::to_string(n.get<long long>()), "", "", ""});
    return table;
}

}  // namespace ehall::analytics
