// JSON values as kainjow mustache data, for every template renderer (SMS texts, pages).
#pragma once

#include <kainjow/mustache.hpp>
#include <nlohmann/json.hpp>

namespace ehall {

// Objects and lists keep their shape; strings and booleans stay as they are; numbers are
// their JSON text; null and the empty string are false, so `{{#field}}` skips a missing or
// empty value (no empty message box).
kainjow::mustache::data to_mustache_data(const nlohmann::json& value);

}  // namespace ehall
