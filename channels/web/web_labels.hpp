// Words the online hall shows for the plugins' data: field names ("balance_fen" -> "余额"),
// enumerated values and channels ("card" -> "银行卡", "sms" -> "短信营业厅"), and values
// formatted for people (fen as yuan).
// Unknown names are shown as they are, so a new plugin's data is still readable.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace ehall {

std::string field_label(std::string_view key);
std::string value_label(std::string_view value);
// A scalar value of field `key` as text: `*_fen` as yuan ("58.60 元"), booleans as 是/否.
std::string display_value(std::string_view key, const nlohmann::json& value);

}  // namespace ehall
