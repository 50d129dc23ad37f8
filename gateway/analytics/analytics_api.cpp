#include "gateway/analytics/analytics_api.hpp"

#include <algorithm>
#include <boost/url/params_view.hpp>
#include <boost/url/parse_query.hpp>
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

bool takes_option(const ReportKind& kind, std::string_view name) {
    return std::any_of(kind.options.begin(), kind.options.end(),
                       [name](const ReportOption& option) { return option.name == name; });
}

std::string unknown_option_message(const ReportKind& kind, const std::string& name) {
    std::string message = "unknown option '" + name + "': " + std::string(kind.name) + " takes ";
    for (std::size_t i = 0; i < kind.options.size(); ++i)
        message.append(i ? ", " : "").append(kind.options[i].name);
    return message;
}

}  // namespace

ReportParams params_from_query(const ReportKind& kind, const Exchange& exchange) {
    ReportParams params;
    if (exchange.query().empty())
        return params;
    // A NUL-terminated copy: Boost.URL 1.81's parse_query measures its input with strlen
    // (boostorg/url#757).
    const std::string text(exchange.query());
    auto parsed = boost::urls::parse_query(text);
    if (!parsed)
        throw ReportInputError("the query string is malformed");
    for (auto param : boost::urls::params_view(*parsed)) {
        if (param.key.empty() && param.value.empty())
            continue;  // "?" or "a=1&&b=2"
        if (!takes_option(kind, param.key))
            throw ReportInputError(unknown_option_message(kind, param.key));
        if (!param.value.empty())
            params.emplace(param.key, param.value);  // the first of repeated ones counts
    }
    return params;
}

void AnalyticsApi::add_routes(Router& router) {
    router.add(http::verb::get, "/analytics/v1/reports/{name}",
               [this](const Exchange& exchange, Reply reply) {
                   if (!access_.has_bearer_token(exchange))
                       return reply(unauthorized());
                   reply_from_workers(workers_, exchange, std::move(reply),
                                      [this](const Exchange& e) { return report_json(e); });
               });
    router.add(
        http::verb::get, "/analytics/csv/{name}", [this](const Exchange& exchange, Reply reply) {
            reply_from_workers(workers_, exchange, std::move(reply), [this](const Exchange& e) {
                if (!access_.allowed(e))
                    return see_other("/analytics/login");
                return report_csv(e);
            });
        });
}

HttpResponse AnalyticsApi::report_json(const Exchange& exchange) const {
    const ReportKind* kind = reports_.find(exchange.path_param("name"));
    if (!kind)
        return error_json(http::status::not_found, "not_found", "no such report");
    try {
        return json_response(http::status::ok, kind->run({config_.data_dir, config_.store.url},
                                                         params_from_query(*kind, exchange))
                                                   .json);
    } catch (const ReportInputError& e) {
        return error_json(http::status::bad_request, "bad_request", e.what());
    }
}

HttpResponse AnalyticsApi::report_csv(const Exchange& exchange) const {
    const ReportKind* kind = reports_.find(exchange.path_param("name"));
    if (!kind)
        return make_response(http::status::not_found, "text/plain; charset=utf-8",
                             "no such report\n");
    try {
        const auto report =
            kind->run({config_.data_dir, config_.store.url}, params_from_query(*kind, exchange));
        std::ostringstream csv;
        write_csv(csv, report.table);
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
