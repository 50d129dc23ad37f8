// `--brand BRAND` and `--segment TAG` on every report (DESIGN §6a): only the customers of that
// brand (the store's customers, imported ones included) and/or carrying that segment tag
// count, the target groups included. The chosen customers go into a temporary table of the
// report's journal connection, which each report's queries join by msisdn.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "gateway/analytics/report_params.hpp"
#include "gateway/analytics/report_sources.hpp"
#include "gateway/analytics/report_table.hpp"

namespace ehall::analytics {

struct CustomerFilter {
    std::string brand;    // empty: every brand
    std::string segment;  // empty: with or without any tag

    // Throws ReportInputError for an empty, overlong or control-character value.
    static CustomerFilter from_params(const ReportParams& params);
    bool narrows() const { return !brand.empty() || !segment.empty(); }

    // Chooses the customers from the store into `sources` (nothing when it does not narrow).
    // Throws std::runtime_error when there is no store to choose from.
    void apply(ReportSources& sources) const;
    // Names the filter in the report's JSON ("brand", "segment") and its table's title.
    void describe(nlohmann::json& report, ReportTable& table) const;
};

// The options every core report takes for the filter, as ReportKind lists them.
inline constexpr std::string_view customer_filter_options[][2] = {
    {"brand", "only customers of this brand, e.g. 全球通"},
    {"segment", "only customers carrying this segment tag"}};

}  // namespace ehall::analytics
