// A page per report for analysts (DESIGN §6a "each report is also a page with a chart"):
// GET /analytics/reports lists the catalogue's reports, the core's and the plugins';
// GET /analytics/reports/{name}?option=... shows a form of the report's options and, once
// asked, the report's table, a bar chart of its first count column and the CSV download.
// Options are checked as by the JSON and CSV routes: an unknown one is refused (400) naming it.
#pragma once

#include <boost/asio/thread_pool.hpp>

#include "gateway/analytics/analyst_access.hpp"
#include "gateway/analytics/report_catalogue.hpp"
#include "gateway/html/page_templates.hpp"
#include "gateway/http/router.hpp"

namespace ehall::analytics {

class ReportPages {
  public:
    ReportPages(const Config& config, const AnalystAccess& access, const ReportCatalogue& reports,
                const PageTemplates& pages, boost::asio::thread_pool& workers)
        : config_(config), access_(access), reports_(reports), pages_(pages), workers_(workers) {}

    void add_routes(Router& router);

  private:
    HttpResponse list(const Exchange& exchange) const;
    HttpResponse report(const Exchange& exchange) const;

    const Config& config_;
    const AnalystAccess& access_;
    const ReportCatalogue& reports_;
    const PageTemplates& pages_;
    boost::asio::thread_pool& workers_;
};

}  // namespace ehall::analytics
