// Web origins (RFC 6454: scheme://host[:port]), as the Origin header and the config's
// allowed origins carry them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ehall {

// `text` as an http or https origin, lower case and without the scheme's default port
// ("HTTP://Hall.Example:443" over https is "https://hall.example"); nothing for anything
// else: "null", a path, user info, another scheme.
std::optional<std::string> normalised_origin(std::string_view text);

}  // namespace ehall
