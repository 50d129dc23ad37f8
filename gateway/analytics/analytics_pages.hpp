// The analyst pages under /analytics: a login form for people (the analyst token, then an
// HttpOnly SameSite=Strict session cookie; the form carries a CSRF token), and one page to
// choose business, channel and months that shows the diversion rate by month (SVG line
// chart), the diverted customers by channel (SVG bars) and the e-channel share trend, each
// with its numbers in a table and a CSV download.
#pragma once

#include <boost/asio/thread_pool.hpp>

#include "gateway/analytics/analyst_access.hpp"
#include "gateway/html/page_templates.hpp"
#include "gateway/http/router.hpp"

namespace ehall::analytics {

class AnalyticsPages {
  public:
    AnalyticsPages(const Config& config, const AnalystAccess& access, const PageTemplates& pages,
                   boost::asio::thread_pool& workers)
        : config_(config), access_(access), pages_(pages), workers_(workers) {}

    void add_routes(Router& router);

  private:
    HttpResponse login_form(http::status status, const std::string& error) const;
    HttpResponse log_in(const Exchange& exchange) const;
    HttpResponse log_out(const Exchange& exchange) const;
    HttpResponse dashboard(const Exchange& exchange) const;

    const Config& config_;
    const AnalystAccess& access_;
    const PageTemplates& pages_;
    boost::asio::thread_pool& workers_;
};

}  // namespace ehall::analytics
