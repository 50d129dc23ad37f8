// The reports over HTTP (DESIGN §6): GET /analytics/v1/reports/{name}?option=... returns the
// same JSON as `ehall report <name> --format json` (bearer analyst token), and
// GET /analytics/csv/{name}?option=... the same CSV as a download (bearer token or the
// analyst's session cookie, as the pages' download links use).
#pragma once

#include <boost/asio/thread_pool.hpp>
#include <filesystem>

#include "gateway/analytics/analyst_access.hpp"
#include "gateway/analytics/report_catalogue.hpp"
#include "gateway/http/router.hpp"

namespace ehall::analytics {

// The report's parameters from the request's query string. Throws ReportInputError naming
// an option the report does not take (a misspelt option must not be silently ignored).
ReportParams params_from_query(const ReportKind& kind, const Exchange& exchange);

class AnalyticsApi {
  public:
    AnalyticsApi(const Config& config, const AnalystAccess& access, const ReportCatalogue& reports,
                 boost::asio::thread_pool& workers)
        : config_(config), access_(access), reports_(reports), workers_(workers) {}

    void add_routes(Router& router);

  private:
    HttpResponse report_json(const Exchange& exchange) const;
    HttpResponse report_csv(const Exchange& exchange) const;

    const Config& config_;
    const AnalystAccess& access_;
    const ReportCatalogue& reports_;
    boost::asio::thread_pool& workers_;
};

}  // namespace ehall::analytics
