// Money as people text it and read it: yuan with at most two decimals ("50", "50.5",
// "58.60"); inside, integer fen as everywhere else.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace ehall {

// "50" -> 5000, "50.5" -> 5050, "0.01" -> 1; nothing for more decimals, signs, garbage or
// amounts past 100 million yuan.
std::optional<std::int64_t> parse_yuan(std::string_view text);

// 5860 -> "58.60", -50 -> "-0.50".
std::string format_yuan(std::int64_t fen);

// For every integer field `<name>_fen`, at any depth, adds `<name>_yuan` ("58.60") and
// `<name>_positive` (true when above zero, for mustache sections).
void add_yuan_fields(nlohmann::json& data);

}  // namespace ehall
