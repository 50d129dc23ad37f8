// The analytics reports by name, the core's and those the plugins' manifests declare, with
// their options, so that `ehall report <name>` and /analytics/v1/reports/<name> run the same
// code on the same checked parameters.
#pragma once

#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "gateway/analytics/report_params.hpp"
#include "gateway/analytics/report_sources.hpp"
#include "gateway/analytics/report_table.hpp"

namespace ehall {
class PluginModule;
}

namespace ehall::analytics {

struct ReportOption {
    std::string name;  // also the query parameter of the HTTP API
    std::string help;
    bool flag = false;  // takes no value on the command line (`--by-hall`; API: by-hall=1)
};

// A report as JSON (--format json, the API) and as rows (table, CSV).
struct ReportOutput {
    nlohmann::json json;
    ReportTable table;
};

struct ReportKind {
    std::string name;
    std::string summary;
    std::vector<ReportOption> options;
    // Runs over the journal and store of a deployment. Throws ReportInputError for bad
    // parameters (before reading anything).
    std::function<ReportOutput(const DataPlace&, const ReportParams&)> run;
};

// The core's reports.
const std::vector<ReportKind>& report_kinds();
const ReportKind* find_report(std::string_view name);

// The core's reports and those of the plugins in `modules` (which must outlive it). A plugin
// report whose name is taken already is left out, logged.
class ReportCatalogue {
  public:
    explicit ReportCatalogue(const std::vector<PluginModule*>& modules);

    const std::vector<ReportKind>& kinds() const { return kinds_; }
    const ReportKind* find(std::string_view name) const;

  private:
    std::vector<ReportKind> kinds_;
};

}  // namespace ehall::analytics
