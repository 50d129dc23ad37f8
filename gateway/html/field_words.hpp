// Words every hall shows for the plugins' data: field names and enumerated values (a
// plugin's own from its manifest, "ecoins" -> "电子币", "card" -> "银行卡"; the hall's for
// fields every plugin shares and for channels, "time" -> "时间", "sms" -> "短信营业厅"), and
// values formatted for people (fen as yuan).
// Unknown names are shown as they are, so a new plugin's data is still readable.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include <ehall/plugin.hpp>

namespace ehall {

// `plugin`: the manifest of the plugin whose data it is; none for the hall's own.
std::string field_label(std::string_view key, const Manifest& plugin);
std::string value_label(std::string_view value, const Manifest* plugin = nullptr);
// A scalar value of field `key` as text: `*_fen` as yuan ("58.60 元"), booleans as 是/否.
std::string display_value(std::string_view key, const nlohmann::json& value,
                          const Manifest* plugin = nullptr);

}  // namespace ehall
