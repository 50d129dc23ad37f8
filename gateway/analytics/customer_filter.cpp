#include "gateway/analytics/customer_filter.hpp"

#include <algorithm>

namespace ehall::analytics {

namespace {

constexpr std::size_t kMaxValueBytes = 64;

// The store's customers of the brand (?1, '' for any) carrying the tag (?2, '' for any).
std::string choose_sql(const ReportDatabase& db) {
    return "INSERT INTO " + db.temp_table("report_customers") + " SELECT c.msisdn FROM " +
           db.store_table("customers") +
           " c WHERE (?1 = '' OR c.brand = ?1) AND (?2 = '' OR EXISTS (SELECT 1 FROM " +
           db.store_table("segments") + " s WHERE s.msisdn = c.msisdn AND s.tag = ?2))";
}

std::string value_param(const ReportParams& params, const std::string& name) {
    const auto it = params.find(name);
    if (it == params.end())
        return {};
    const std::string& value = it->second;
    const bool control = std::any_of(value.begin(), value.end(), [](char c) {
        return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
    });
    if (value.empty() || value.size() > kMaxValueBytes || control)
        throw ReportInputError("--" + name + " must be 1 to " + std::to_string(kMaxValueBytes) +
                               " bytes of text without control characters");
    return value;
}

}  // namespace

CustomerFilter CustomerFilter::from_params(const ReportParams& params) {
    return {.brand = value_param(params, "brand"), .segment = value_param(params, "segment")};
}

void CustomerFilter::apply(ReportSources& sources) const {
    if (!narrows())
        return;
    ReportDatabase& db = sources.db;
    db.exec("DROP TABLE IF EXISTS " + db.temp_table("report_customers") +
            "; CREATE TEMP TABLE report_customers (msisdn TEXT PRIMARY KEY) WITHOUT ROWID;");
    db.with_store([&] { db.prepare(choose_sql(db)).bind(1, brand).bind(2, segment).run(); });
    sources.narrowed = true;
}

void CustomerFilter::describe(nlohmann::json& report, ReportTable& table) const {
    std::string only;
    if (!brand.empty()) {
        report["brand"] = brand;
        only.append("brand ").append(brand);
    }
    if (!segment.empty()) {
        report["segment"] = segment;
        only.append(only.empty() ? "" : ", ").append("segment ").append(segment);
    }
    if (!only.empty())
        table.title.append(" (only ").append(only).append(")");
}

}  // namespace ehall::analytics
