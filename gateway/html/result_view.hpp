// Lays out an operation's result data for the result page without knowing the plugin:
// scalar fields become label/value lines, objects and arrays of objects become tables.
#pragma once

#include <nlohmann/json.hpp>

#include "gateway/html/field_words.hpp"

namespace ehall {

// {"fields": [{"label","value"}], "has_fields",
//  "tables": [{"title", "columns": [...], "rows": [{"cells": [{"label", "text"}]}]}]}
// `plugin`: the manifest of the plugin that answered; its words come before the hall's own.
nlohmann::json result_view(const nlohmann::json& data, const Manifest& plugin);

}  // namespace ehall
