#include "gateway/analytics/diversion_report.hpp"

#include <set>

#include "gateway/analytics/preference_level.hpp"

namespace ehall::analytics {

namespace {

// Per-customer state lives in TEMP tables and only for the target group; every count over
// the events is done by SQLite on the partial index interactions_ok_by_business.
constexpr const char* kSetup = R"sql(
DROP TABLE IF EXISTS temp.target; DROP TABLE IF EXISTS temp.used; DROP TABLE IF EXISTS temp.kept;
CREATE TEMP TABLE target (msisdn TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TEMP TABLE used (msisdn TEXT, channel TEXT, PRIMARY KEY (msisdn, channel)) WITHOUT ROWID;
CREATE TEMP TABLE kept (msisdn TEXT PRIMARY KEY) WITHOUT ROWID;
)sql";

// ?1 business, ?2/?3 the base month, ?4 the preferred channel, ?5 the minimum level.
constexpr const char* kTarget =
    "INSERT INTO temp.target SELECT msisdn FROM interactions "
    "WHERE business = ?1 AND outcome = 'ok' AND ts_ms >= ?2 AND ts_ms < ?3 "
    "AND msisdn IS NOT NULL GROUP BY msisdn HAVING SUM(channel = ?4) > 0 "
    "AND " EHALL_PREFERENCE_LEVEL_SQL("SUM(channel = ?4)", "COUNT(*)") " >= ?5";

// Which channels each target customer used for the business in a month (?1, ?2/?3).
constexpr const char* kUsed =
    "INSERT OR IGNORE INTO temp.used SELECT msisdn, channel FROM interactions "
    "INDEXED BY interactions_ok_by_business "
    "WHERE business = ?1 AND outcome = 'ok' AND ts_ms >= ?2 AND ts_ms < ?3 "
    "AND msisdn IN temp.target";

// Diverted customers (no use of ?1) by the channels they used instead.
constexpr const char* kByChannel =
    "SELECT channel, COUNT(*) FROM temp.used u WHERE NOT EXISTS (SELECT 1 FROM temp.used s "
    "WHERE s.msisdn = u.msisdn AND s.channel = ?1) GROUP BY channel ORDER BY channel";

std::int64_t count_of(SqliteFile& db, const char* sql, std::string_view channel = {}) {
    Statement statement = db.prepare(sql);
    if (!channel.empty())
        statement.bind(1, channel);
    statement.step();
    return statement.integer(0);
}

}  // namespace

DiversionQuery DiversionQuery::from_params(const ReportParams& params) {
    return {.business = business_param(params, "business"),
            .from = channel_param(params, "from"),
            .base = month_param(params, "base"),
            .months = months_param(params, "months"),
            .min_level = int_param(params, "min-level", 1, 5, 4)};
}

nlohmann::json diversion_report(ReportSources& sources, const DiversionQuery& query) {
    SqliteFile& db = sources.journal;
    db.exec(kSetup);
    Statement target = db.prepare(kTarget);
    target.bind(1, query.business).bind(4, query.from).bind(5, std::int64_t{query.min_level});
    bind_month(target, 2, query.base);
    target.run();
    const std::int64_t target_size = count_of(db, "SELECT COUNT(*) FROM temp.target");

    Statement used = db.prepare(kUsed);
    Statement by_channel = db.prepare(kByChannel);
    Statement keep = db.prepare(
        "INSERT OR IGNORE INTO temp.kept SELECT msisdn FROM temp.used "
        "WHERE channel = ?1");
    nlohmann::json months = nlohmann::json::array();
    nlohmann::json month_names = nlohmann::json::array();
    for (const Month& month : query.months) {
        db.exec("DELETE FROM temp.used");
        used.bind(1, query.business);
        bind_month(used, 2, month);
        used.run();
        const std::int64_t stayed =
            count_of(db, "SELECT COUNT(*) FROM temp.used WHERE channel = ?1", query.from);
        keep.bind(1, query.from).run();
        nlohmann::json channels = nlohmann::json::object();
        by_channel.bind(1, query.from);
        while (by_channel.step())
            channels[std::string(by_channel.text(0))] = by_channel.integer(1);
        by_channel.reset();
        const std::int64_t diverted = target_size - stayed;
        months.push_back({{"month", month.text()},
                          {"diverted", diverted},
                          {"rate", fraction(diverted, target_size)},
                          {"by_channel", std::move(channels)}});
        month_names.push_back(month.text());
    }
    const std::int64_t consecutive = target_size - count_of(db, "SELECT COUNT(*) FROM temp.kept");
    db.exec("DROP TABLE temp.target; DROP TABLE temp.used; DROP TABLE temp.kept;");
    return {{"business", query.business},
            {"from", query.from},
            {"base", query.base.text()},
            {"min_level", query.min_level},
            {"target_size", target_size},
            {"months", std::move(months)},
            {"consecutive",
             {{"months", std::move(month_names)},
              {"diverted", consecutive},
              {"rate", fraction(consecutive, target_size)}}}};
}

ReportTable diversion_table(const nlohmann::json& report) {
    std::set<std::string> seen;  // every channel any month lists, in name order
    for (const auto& month : report["months"]) {
        for (const auto& [channel, n] : month["by_channel"].items())
            seen.insert(channel);
    }
    ReportTable table;
    table.title = "Diversion from " + report["from"].get<std::string>() + " for " +
                  report["business"].get<std::string>() + ": target " +
                  std::to_string(report["target_size"].get<long long>()) +
                  " customers with level >= " + std::to_string(report["min_level"].get<int>()) +
                  " in " + report["base"].get<std::string>();
    table.columns = {"month", "diverted", "rate"};
    table.columns.insert(table.columns.end(), seen.begin(), seen.end());
    for (const auto& month : report["months"]) {
        std::vector<std::string> row = {month["month"].get<std::string>(),
                                        std::to_string(month["diverted"].get<long long>()),
                                        rate_cell(month["rate"].get<double>())};
        for (const std::string& channel : seen)
            row.push_back(std::to_string(month["by_channel"].value(channel, 0LL)));
        table.rows.push_back(std::move(row));
    }
    const auto& consecutive = report["consecutive"];
    std::vector<std::string> row = {"consecutive",
                                    std::to_string(consecutive["diverted"].get<long long>()),
                                    rate_cell(consecutive["rate"].get<double>())};
    row.resize(table.columns.size());
    table.rows.push_back(std::move(row));
    return table;
}

}  // namespace ehall::analytics
