// Lays out an operation's result data for the result page without knowing the plugin:
// scalar fields become label/value lines, objects and arrays of objects become tables.
#pragma once

#include <nlohmann/json.hpp>

namespace ehall {

// {"fields": [{"label","value"}], "has_fields",
//  "tables": [{"title", "columns": [...], "rows": [{"cells": [{"label", "text"}]}]}]}
nlohmann::json result_view(const nlohmann::json& data);

}  // namespace ehall
