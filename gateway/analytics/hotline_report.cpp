#include "gateway/analytics/hotline_report.hpp"

namespace ehall::analytics {

namespace {

constexpr std::int64_t kMinContacts = 3;

constexpr const char* kSetup =
    "DROP TABLE IF EXISTS temp.hotline_target; "
    "CREATE TEMP TABLE hotline_target (msisdn TEXT PRIMARY KEY) WITHOUT ROWID;";

// Hotline contacts of every business in a month (?1), from the summary.
constexpr const char* kContacts =
    "FROM monthly_usage WHERE month = ?1 AND channel = 'hotline' AND msisdn > '' ";

}  // namespace

HotlineQuery HotlineQuery::from_params(const ReportParams& params) {
    return {.base = month_param(params, "base"), .months = months_param(params, "months")};
}

nlohmann::json hotline_report(ReportSources& sources, const HotlineQuery& query) {
    SqliteFile& db = sources.journal;
    db.exec(kSetup);
    Statement target = db.prepare(std::string("INSERT INTO temp.hotline_target SELECT msisdn ")
                                      .append(kContacts)
                                      .append("GROUP BY msisdn HAVING SUM(n) >= ?2"));
    target.bind(1, std::int64_t{query.base.key()}).bind(2, kMinContacts).run();
    Statement size = db.prepare("SELECT COUNT(*) FROM temp.hotline_target");
    size.step();
    const std::int64_t target_size = size.integer(0);
    size.reset();

    // Target customers with at least one contact, and with at least two, in a month.
    Statement contacted = db.prepare(
        std::string("SELECT COUNT(*), COALESCE(SUM(n >= 2), 0) FROM (SELECT SUM(n) AS n ")
            .append(kContacts)
            .append("AND msisdn IN temp.hotline_target GROUP BY msisdn)"));
    nlohmann::json months = nlohmann::json::array();
    for (const Month& month : query.months) {
        contacted.bind(1, std::int64_t{month.key()});
        contacted.step();
        const std::int64_t none = target_size - contacted.integer(0);
        const std::int64_t below_two = target_size - contacted.integer(1);
        contacted.reset();
        months.push_back({{"month", month.text()},
                          {"none", none},
                          {"none_rate", fraction(none, target_size)},
                          {"below_two", below_two},
                          {"below_two_rate", fraction(below_two, target_size)}});
    }
    db.exec("DROP TABLE temp.hotline_target");
    return {{"base", query.base.text()},
            {"min_contacts", kMinContacts},
            {"target_size", target_size},
            {"months", std::move(months)}};
}

ReportTable hotline_table(const nlohmann::json& report) {
    ReportTable table;
    table.title = "Hotline: " + std::to_string(report["target_size"].get<long long>()) +
                  " customers with >= 3 contacts in " + report["base"].get<std::string>();
    table.columns = {"month", "none", "none_rate", "below_two", "below_two_rate"};
    for (const auto& month : report["months"])
        table.rows.push_back({month["month"].get<std::string>(),
                              std::to_string(month["none"].get<long long>()),
                              rate_cell(month["none_rate"].get<double>()),
                              std::to_string(month["below_two"].get<long long>()),
                              rate_cell(month["below_two_rate"].get<double>())});
    return table;
}

}  // namespace ehall::analytics
