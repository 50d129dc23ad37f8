// Where a request came from and was addressed to: over TLS or not (as a proxy in front
// says), and the origin it was sent to, for the Origin checks and Secure cookies.
#pragma once

#include <optional>
#include <string>

#include "gateway/http/exchange.hpp"

namespace ehall {

// True when the client reached us over TLS: a proxy in front says so with
// X-Forwarded-Proto: https (the gateway itself speaks plain HTTP).
bool came_over_tls(const Exchange& exchange);

// The origin the request was addressed to: its scheme (came_over_tls) and Host header;
// nothing without a usable Host. X-Forwarded-Host is not trusted.
std::optional<std::string> own_origin(const Exchange& exchange);

}  // namespace ehall
