#include "gateway/observability_routes.hpp"

#include "gateway/journal/journal_metrics.hpp"

namespace ehall {

void add_observability_routes(Router& router, Metrics& metrics, Journal& journal) {
    router.add(http::verb::get, "/healthz", [](const Exchange&, Reply reply) {
        reply(json_response(http::status::ok, {{"status", "ok"}}));
    });
    router.add(http::verb::get, "/metrics", [&metrics, &journal](const Exchange&, Reply reply) {
        publish_journal_stats(metrics, journal.stats());
        reply(make_response(http::status::ok, "text/plain; version=0.0.4; charset=utf-8",
                            metrics.render()));
    });
}

}  // namespace ehall
