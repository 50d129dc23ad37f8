#include "gateway/analytics/report_sources.hpp"

#include <stdexcept>

#include "gateway/analytics/journal_file.hpp"

namespace ehall::analytics {

SqliteFile open_journal_for_reports(const std::filesystem::path& journal_db) {
    SqliteFile journal = open_journal(journal_db);
    journal.exec("PRAGMA temp_store=FILE; PRAGMA cache_size=-65536;");
    return journal;
}

void ReportSources::with_store(const std::function<void()>& work) {
    if (!std::filesystem::exists(store_db))
        throw std::runtime_error("no store at " + store_db.string());
    Statement attach = journal.prepare("ATTACH DATABASE ?1 AS store");
    attach.bind(1, store_db.string()).run();
    try {
        work();
    } catch (...) {
        journal.exec("DETACH DATABASE store");
        throw;
    }
    journal.exec("DETACH DATABASE store");
}

std::string ReportSources::customers_only(std::string_view column) const {
    if (!narrowed)
        return {};
    return std::string(" AND ").append(column).append(" IN temp.report_customers");
}

}  // namespace ehall::analytics
