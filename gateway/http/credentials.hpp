// Reading credentials from a request: bearer tokens and cookies.
#pragma once

#include <string>
#include <string_view>

#include "gateway/http/exchange.hpp"

namespace ehall {

// The token of "Authorization: Bearer <token>", empty when absent.
std::string bearer_token(const Exchange& exchange);
// The value of cookie `name`, empty when absent.
std::string cookie_value(const Exchange& exchange, std::string_view name);

}  // namespace ehall
