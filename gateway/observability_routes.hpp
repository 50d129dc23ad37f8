// GET /healthz and GET /metrics (Prometheus text format).
#pragma once

#include "gateway/http/router.hpp"
#include "gateway/journal/journal.hpp"
#include "gateway/metrics.hpp"

namespace ehall {

void add_observability_routes(Router& router, Metrics& metrics, Journal& journal);

}  // namespace ehall
