#include "gateway/analytics/plugin_report_data.hpp"

#include <stdexcept>

#include "gateway/analytics/journal_file.hpp"
#include "gateway/store/pg_store.hpp"
#include "gateway/store/sqlite_store.hpp"

namespace ehall::analytics {

ReportResult run_plugin_report(Plugin& plugin, const ReportRequest& request,
                               const DataPlace& place) {
    if (!place.store_url.empty()) {
        open_report_database(place);  // the journal's tables, in a database no gateway used yet
        PgStore database({.url = place.store_url, .max_connections = 2});
        ReportData data{database, database};
        return plugin.report(request, data);
    }
    const auto store_db = place.data_dir / "ehall.db";
    if (!std::filesystem::exists(store_db))
        throw std::runtime_error("no store at " + store_db.string());
    open_journal(place.data_dir / "journal.db");  // its schema, on a new data dir
    SqliteStore store({.path = store_db});
    SqliteStore journal({.path = place.data_dir / "journal.db"});
    ReportData data{store, journal};
    return plugin.report(request, data);
}

}  // namespace ehall::analytics
