// Web origins (RFC 6454: scheme://host[:port]), as the Origin header carries them, and the
// origin a request was sent to.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "gateway/http/exchange.hpp"

namespace ehall {

// `text` as an http or https origin, lower case and without the scheme's default port
// ("HTTP://Hall.Example:443" over https is "https://hall.example"); nothing for anything
// else: "null", a path, user info, another scheme.
std::optional<std::string> normalised_origin(std::string_view text);

// True when the client reached us over TLS: a proxy in front says so with
// X-Forwarded-Proto: https (the gateway itself speaks plain HTTP).
bool came_over_tls(const Exchange& exchange);

// The origin the request was addressed to: its scheme (came_over_tls) and Host header;
// nothing without a usable Host. X-Forwarded-Host is not trusted.
std::optional<std::string> own_origin(const Exchange& exchange);

}  // namespace ehall
