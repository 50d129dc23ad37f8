// The stores a plugin's report reads (ReportData, DESIGN §4a): ehall.db and journal.db on
// SQLite, the one PostgreSQL database for both otherwise.
#pragma once

#include <ehall/plugin.hpp>

#include "gateway/analytics/report_database.hpp"

namespace ehall::analytics {

// Runs `request` through `plugin` over the deployment's store and journal. Throws
// std::runtime_error when there is no store, StoreError when it cannot be reached.
ReportResult run_plugin_report(Plugin& plugin, const ReportRequest& request,
                               const DataPlace& place);

}  // namespace ehall::analytics
