#include "gateway/analytics/report_pages.hpp"

#include "gateway/analytics/analyst_page_frame.hpp"
#include "gateway/analytics/analytics_api.hpp"
#include "gateway/analytics/report_page_view.hpp"
#include "gateway/html/html_response.hpp"
#include "gateway/http/on_workers.hpp"

namespace ehall::analytics {

void ReportPages::add_routes(Router& router) {
    router.add(http::verb::get, "/analytics/reports", [this](const Exchange& e, Reply reply) {
        reply_from_workers(workers_, e, std::move(reply),
                           [this](const Exchange& held) { return list(held); });
    });
    router.add(http::verb::get, "/analytics/reports/{name}",
               [this](const Exchange& e, Reply reply) {
                   reply_from_workers(workers_, e, std::move(reply),
                                      [this](const Exchange& held) { return report(held); });
               });
}

HttpResponse ReportPages::list(const Exchange& exchange) const {
    const auto session = access_.session(exchange);
    if (!session)
        return see_other("/analytics/login");
    nlohmann::json reports = nlohmann::json::array();
    for (const auto& kind : reports_.kinds())
        reports.push_back({{"name", kind.name}, {"summary", kind.summary}});
    nlohmann::json data = analyst_page_frame("报表 · Reports");
    data["reports"] = std::move(reports);
    return html_response(http::status::ok, pages_.render_page("reports", data));
}

HttpResponse ReportPages::report(const Exchange& exchange) const {
    const auto session = access_.session(exchange);
    if (!session)
        return see_other("/analytics/login");
    const ReportKind* kind = reports_.find(exchange.path_param("name"));
    if (!kind) {
        nlohmann::json data = analyst_page_frame("无此报表");
        data["error"] = "no such report";
        return html_response(http::status::not_found, pages_.render_page("report", data));
    }
    nlohmann::json data = analyst_page_frame(kind->name);
    ReportParams params;
    try {
        params = params_from_query(*kind, exchange);
        data["form"] = report_form(*kind, params);
        if (!params.empty())
            data["report"] = report_view(*kind, params,
                                         kind->run({config_.data_dir, config_.store.url}, params));
    } catch (const ReportInputError& e) {
        data["form"] = report_form(*kind, params);
        data["error"] = e.what();
        return html_response(http::status::bad_request, pages_.render_page("report", data));
    }
    return html_response(http::status::ok, pages_.render_page("report", data));
}

}  // namespace ehall::analytics
