// The refusals that keep another site's page from using a visitor's browser against ehall
// (login CSRF and its kin), made for every request before its route's handler runs:
// - a JSON route takes a body only as Content-Type: application/json, else 415
//   `unsupported_media_type`. A page elsewhere can post text/plain or a form without asking,
//   but JSON only after a CORS preflight, which ehall never grants. A request without a body
//   needs no Content-Type: it carries nothing to smuggle, and body-less POSTs
//   (logout, a heartbeat) keep working as before. GET and HEAD bodies are never read, so
//   never checked.
// - a route that sets a cookie refuses a request whose Origin header, when present, is
//   neither the request's own origin (origin.hpp) nor a configured one: 403 `forbidden`, and
//   no cookie. `Origin: null` (sandboxed frames, no-referrer pages) counts as foreign.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "gateway/http/exchange.hpp"
#include "gateway/http/route_rules.hpp"

namespace ehall {

class CrossSiteChecks {
  public:
    // `allowed_origins`: origins besides the request's own that may call cookie routes (a
    // site in front of a proxy that rewrites Host), already normalised.
    explicit CrossSiteChecks(std::vector<std::string> allowed_origins)
        : allowed_origins_(std::move(allowed_origins)) {}

    // The reply refusing `exchange` under `rules`, or nothing when it may go on.
    std::optional<HttpResponse> refusal(const Exchange& exchange, const RouteRules& rules) const;

  private:
    bool origin_allowed(const Exchange& exchange) const;

    std::vector<std::string> allowed_origins_;
};

}  // namespace ehall
