#include "gateway/analytics/hotline_report.hpp"

#include "gateway/analytics/vocabulary.hpp"

namespace ehall::analytics {

namespace {

constexpr std::int64_t kMinContacts = 3;

constexpr const char* kSetup =
    "DROP TABLE IF EXISTS temp.hotline_target; "
    "CREATE TEMP TABLE hotline_target (msisdn TEXT PRIMARY KEY) WITHOUT ROWID;";

// Hotline contacts of every business in a month (?1, ?2), listed by business so that the
// covering index on (business, ts_ms, msisdn, channel) serves the count.
std::string contacts_sql() {
    std::string in;
    for (std::string_view business : businesses)
        in.append(in.empty() ? "'" : ", '").append(business).append("'");
    return std::string("FROM interactions WHERE business IN (")
        .append(in)
        .append(
            ") AND outcome = 'ok' AND ts_ms >= ?1 AND ts_ms < ?2 AND channel = 'hotline' "
            "AND msisdn IS NOT NULL ");
}

}  // namespace

HotlineQuery HotlineQuery::from_params(const ReportParams& params) {
    return {.base = month_param(params, "base"), .months = months_param(params, "months")};
}

nlohmann::json hotline_report(ReportSources& sources, const HotlineQuery& query) {
    SqliteFile& db = sources.journal;
    db.exec(kSetup);
    const std::string contacts = contacts_sql();
    Statement target = db.prepare(std::string("INSERT INTO temp.hotline_target SELECT msisdn ")
                                      .append(contacts)
                                      .append("GROUP BY msisdn HAVING COUNT(*) >= ?3"));
    bind_month(target, 1, query.base);
    target.bind(3, kMinContacts).run();
    Statement size = db.prepare("SELECT COUNT(*) FROM temp.hotline_target");
    size.step();
    const std::int64_t target_size = size.integer(0);
    size.reset();

    // Target customers with at least one contact, and with at least two, in a month.
    Statement contacted = db.prepare(
        std::string("SELECT COUNT(*), COALESCE(SUM(n >= 2), 0) FROM (SELECT COUNT(*) AS n ")
            .append(contacts)
            .append("AND msisdn IN temp.hotline_target GROUP BY msisdn)"));
    nlohmann::json months = nlohmann::json::array();
    for (const Month& month : query.months) {
        bind_month(contacted, 1, month);
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
