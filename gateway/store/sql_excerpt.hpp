// The start of a statement for error messages: 80 bytes at most, cut on a UTF-8 boundary.
#pragma once

#include <string>
#include <string_view>

namespace ehall {

std::string sql_excerpt(std::string_view sql);

}  // namespace ehall
