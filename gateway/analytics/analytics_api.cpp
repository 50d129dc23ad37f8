#include "gateway/analytics/analytics_api.hpp"

#include <sstream>

#include "gateway/html/html_response.hpp"
#include "gateway/http/on_workers.hpp"

namespace ehall::analytics {

namespace {

HttpResponse error_json(http::status status, const std::string& code, const std::string& message) {
    return json_response(status, {{"status", "error"}, {"code", code}, {"message", message}});
}

HttpResponse unauthorized() {
    auto response =
        error_json(http::status::unauthorized, "unauthenticated", "analyst token required");
    response.set(http::field::www_authenticate, "Bearer realm=\"ehall-analytics\"");
    return response;
}

}  // namespace

ReportParams params_from_query(const ReportKind& kind, const Exchange& exchange) {
    ReportParams params;
    for (const auto& option : kind.options) {
        std::string value = exchange.query_param(option.name);
        if (!value.empty())
            params[option.name] = std::move(value);
    }
    return params;
}

void AnalyticsApi::add_routes(Router& router) {
    router.add(http::verb::get, "/analytics/v1/reports/{name}",
               [this](const Exchange& exchange, Reply reply) {
                   if (!access_.has_bearer_token(exchange))
                       return reply(unauthorized());
                   reply_from_workers(workers_, std::move(reply),
                                      [this, &exchange] { return report_json(exchange); });
               });
    router.add(http::verb::get, "/analytics/csv/{name}",
               [this](const Exchange& exchange, Reply reply) {
                   reply_from_workers(workers_, std::move(reply), [this, &exchange] {
                       if (!access_.allowed(exchange))
                           return see_other("/analytics/login");
                       return report_csv(exchange);
                   });
               });
}

HttpResponse AnalyticsApi::report_json(const Exchange& exchange) const {
    const ReportKind* kind = find_report(exchange.path_param("name"));
    if (!kind)
        return error_json(http::status::not_found, "not_found", "no such report");
    try {
        return json_response(http::status::ok, run_report(*kind, config_.data_dir,
                                                          params_from_query(*kind, exchange)));
    } catch (const ReportInputError& e) {
        return error_json(http::status::bad_request, "bad_request", e.what());
    }
}

HttpResponse AnalyticsApi::report_csv(const Exchange& exchange) const {
    const ReportKind* kind = find_report(exchange.path_param("name"));
    if (!kind)
        return make_response(http::status::not_found, "text/plain; charset=utf-8",
                             "no such report\n");
    try {
        const auto report = run_report(*kind, config_.data_dir, params_from_query(*kind, exchange));
        std::ostringstream csv;
        write_csv(csv, kind->table(report));
        auto response = make_response(http::status::ok, "text/csv; charset=utf-8", csv.str());
        response.set(http::field::content_disposition,
                     std::string("attachment; filename=\"").append(kind->name).append(".csv\""));
        response.set(http::field::cache_control, "no-store");
        return response;
    } catch (const ReportInputError& e) {
        return make_response(http::status::bad_request, "text/plain; charset=utf-8",
                             std::string(e.what()).append("\n"));
    }
}

}  // namespace ehall::analytics
