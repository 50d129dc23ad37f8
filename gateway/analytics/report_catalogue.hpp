// The analytics reports by name, with their options, so that `ehall report <name>` and
// /analytics/v1/reports/<name> run the same code on the same checked parameters.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

#include "gateway/analytics/report_params.hpp"
#include "gateway/analytics/report_sources.hpp"
#include "gateway/analytics/report_table.hpp"

namespace ehall::analytics {

struct ReportOption {
    const char* name;  // also the query parameter of the HTTP API
    const char* help;
};

struct ReportKind {
    std::string_view name;
    std::string_view summary;
    std::vector<ReportOption> options;
    // Throws ReportInputError for bad parameters (before reading anything).
    std::function<nlohmann::json(ReportSources&, const ReportParams&)> run;
    std::function<ReportTable(const nlohmann::json&)> table;
};

const std::vector<ReportKind>& report_kinds();
const ReportKind* find_report(std::string_view name);

// Runs `kind` over the journal and store in `data_dir`. Throws ReportInputError.
nlohmann::json run_report(const ReportKind& kind, const std::filesystem::path& data_dir,
                          const ReportParams& params);

}  // namespace ehall::analytics
