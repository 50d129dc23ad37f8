// GET /healthz and GET /metrics (Prometheus text format).
#pragma once

#include "gateway/base/metrics.hpp"
#include "gateway/http/router.hpp"
#include "gateway/journal/journal.hpp"

namespace ehall {

void add_observability_routes(Router& router, Metrics& metrics, Journal& journal);

}  // namespace ehall
