#include "gateway/analytics/penetration_report.hpp"

#include <ehall/clock.hpp>

namespace ehall::analytics {

namespace {

// The store's customers who had joined by the month's last day (?2), per brand, with those
// holding the product: the plugin's holding SQL, run over the attached store.
std::string brands_sql(const ReportSources& sources, const std::string& holding_sql) {
    return std::string("SELECT c.brand, COUNT(*), COUNT(h.msisdn) FROM ")
        .append(sources.db.store_table("customers"))
        .append(" c LEFT JOIN (SELECT DISTINCT msisdn FROM (")
        .append(holding_sql)
        .append(") AS held) h ON h.msisdn = c.msisdn WHERE c.join_date <= ?2")
        .append(sources.customers_only("c.msisdn"))
        .append(" GROUP BY c.brand ORDER BY c.brand");
}

}  // namespace

PenetrationQuery PenetrationQuery::from_params(const ReportParams& params,
                                               const Holdings& holdings) {
    PenetrationQuery query{.month = month_param(params, "month"), .plugin = {}, .holding_sql = {}};
    const auto it = params.find("plugin");
    std::string known;
    for (const auto& [id, sql] : holdings)
        known.append(known.empty() ? "" : ", ").append(id);
    if (it == params.end() || it->second.empty())
        throw ReportInputError("--plugin is required (one of: " + known + ")");
    const auto holding = holdings.find(it->second);
    if (holding == holdings.end())
        throw ReportInputError("--plugin '" + it->second +
                               "' is not a loaded plugin with a product to hold (" +
                               (known.empty() ? std::string("none is") : known) + ")");
    query.plugin = holding->first;
    query.holding_sql = holding->second;
    return query;
}

nlohmann::json penetration_report(ReportSources& sources, const PenetrationQuery& query) {
    nlohmann::json by_brand = nlohmann::json::object();
    sources.db.with_store([&] {
        ReportStatement brands = sources.db.prepare(brands_sql(sources, query.holding_sql));
        const std::string day = shanghai_date(query.month.end_ms() - 1);  // its last day
        brands.bind(1, query.month.end_ms()).bind(2, day);
        while (brands.step()) {
            const std::int64_t customers = brands.integer(1), holders = brands.integer(2);
            by_brand[std::string(brands.text(0))] = {{"holders", holders},
                                                     {"customers", customers},
                                                     {"rate", fraction(holders, customers)}};
        }
    });
    return {{"month", query.month.text()}, {"plugin", query.plugin}, {"by_brand", by_brand}};
}

ReportTable penetration_table(const nlohmann::json& report) {
    ReportTable table;
    table.title = "Holders of " + report["plugin"].get<std::string>() + " at the end of " +
                  report["month"].get<std::string>() + " by brand";
    table.columns = {"brand", "holders", "customers", "rate"};
    for (const auto& [brand, figures] : report["by_brand"].items())
        table.rows.push_back({brand, std::to_string(figures["holders"].get<long long>()),
                              std::to_string(figures["customers"].get<long long>()),
                              rate_cell(figures["rate"].get<double>())});
    return table;
}

}  // namespace ehall::analytics
