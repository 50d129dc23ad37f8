#include "gateway/analytics/cohort_report.hpp"

namespace ehall::analytics {

namespace {

// Cohort customers (join dates are Shanghai dates, ?1 <= join_date < ?2) with the channel
// of their first ok B-transaction (?3) before ?4, or NULL, oldest first: on SQLite through
// each customer's entries in the summary (open_journal brought it up to date), on PostgreSQL
// through the journal's own index by customer.
constexpr const char* kFirstOnSqlite =
    "SELECT first, COUNT(*) FROM (SELECT (SELECT i.channel FROM customer_interactions e "
    "JOIN interactions i ON i.id = e.id WHERE e.msisdn = c.msisdn AND e.ts_ms < ?4 "
    "AND i.business = ?3 AND i.outcome = 'ok' ORDER BY e.ts_ms, e.id LIMIT 1) AS first "
    "FROM store.customers c WHERE c.join_date >= ?1 AND c.join_date < ?2";
constexpr const char* kFirstOnPostgres =
    "SELECT first, COUNT(*) FROM (SELECT (SELECT i.channel FROM interactions i "
    "WHERE i.msisdn = c.msisdn AND i.ts_ms < ?4 AND i.business = ?3 AND i.outcome = 'ok' "
    "ORDER BY i.ts_ms, i.id LIMIT 1) AS first "
    "FROM customers c WHERE c.join_date >= ?1 AND c.join_date < ?2";
constexpr const char* kByFirst = ") AS cohort GROUP BY first ORDER BY first";

std::string first_day(const Month& month) {
    return month.text().append("-01");
}

}  // namespace

CohortQuery CohortQuery::from_params(const ReportParams& params) {
    return {.joined = month_param(params, "joined"),
            .business = business_param(params, "business"),
            .until = month_param(params, "month")};
}

nlohmann::json cohort_report(ReportSources& sources, const CohortQuery& query) {
    std::int64_t size = 0, without = 0;
    nlohmann::json by_channel = nlohmann::json::object();
    sources.db.with_store([&] {
        const bool sqlite = sources.db.engine() == "sqlite";
        ReportStatement first =
            sources.db.prepare(std::string(sqlite ? kFirstOnSqlite : kFirstOnPostgres)
                                   .append(sources.customers_only("c.msisdn"))
                                   .append(kByFirst));
        const std::string from = first_day(query.joined), to = first_day(query.joined.next());
        first.bind(1, from).bind(2, to).bind(3, query.business).bind(4, query.until.end_ms());
        while (first.step()) {
            const std::int64_t n = first.integer(1);
            size += n;
            if (first.is_null(0))
                without = n;
            else
                by_channel[std::string(first.text(0))] = n;
        }
    });
    return {{"joined", query.joined.text()},       {"business", query.business},
            {"month", query.until.text()},         {"cohort_size", size},
            {"by_channel", std::move(by_channel)}, {"without", without}};
}

ReportTable cohort_table(const nlohmann::json& report) {
    ReportTable table;
    const long long size = report["cohort_size"].get<long long>();
    table.title = "Customers who joined in " + report["joined"].get<std::string>() + " (" +
                  std::to_string(size) + ") by the channel of their first " +
                  report["business"].get<std::string>() + " up to " +
                  report["month"].get<std::string>();
    table.columns = {"channel", "customers", "share"};
    for (const auto& [channel, n] : report["by_channel"].items())
        table.rows.push_back(
            {channel, std::to_string(n.get<long long>()), rate_cell(fraction(n, size))});
    const long long without = report["without"].get<long long>();
    table.rows.push_back(
        {"(none yet)", std::to_string(without), rate_cell(fraction(without, size))});
    return table;
}

}  // namespace ehall::analytics
