#include "gateway/html/result_view.hpp"

#include <algorithm>

#include "gateway/html/field_words.hpp"

namespace ehall {

namespace {

std::string cell_text(const std::string& key, const nlohmann::json& value, const Manifest& plugin);

// A nested array in one table cell: "a、b" for scalars, "x y；z w" for objects.
std::string joined_text(const std::string& key, const nlohmann::json& array,
                        const Manifest& plugin) {
    std::string text;
    for (const auto& element : array) {
        if (!text.empty())
            text.append(element.is_object() ? "；" : "、");
        if (element.is_object()) {
            std::string parts;
            for (const auto& [name, value] : element.items()) {
                if (!parts.empty())
                    parts.append(" ");
                parts.append(cell_text(name, value, plugin));
            }
            text.append(parts);
        } else {
            text.append(display_value(key, element, &plugin));
        }
    }
    return text.empty() ? "—" : text;
}

std::string cell_text(const std::string& key, const nlohmann::json& value, const Manifest& plugin) {
    return value.is_array() ? joined_text(key, value, plugin) : display_value(key, value, &plugin);
}

nlohmann::json table(const std::string& key, const nlohmann::json& objects,
                     const Manifest& plugin) {
    std::vector<std::string> keys;
    for (const auto& object : objects) {
        for (const auto& [name, value] : object.items()) {
            if (std::find(keys.begin(), keys.end(), name) == keys.end())
                keys.push_back(name);
        }
    }
    nlohmann::json columns = nlohmann::json::array();
    for (const auto& name : keys)
        columns.push_back(field_label(name, plugin));
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& object : objects) {
        nlohmann::json cells = nlohmann::json::array();
        for (const auto& name : keys) {
            cells.push_back(
                {{"label", field_label(name, plugin)},
                 {"text", cell_text(name, object.value(name, nlohmann::json()), plugin)}});
        }
        rows.push_back({{"cells", std::move(cells)}});
    }
    return {{"title", field_label(key, plugin)}, {"columns", columns}, {"rows", rows}};
}

bool is_array_of_objects(const nlohmann::json& value) {
    return value.is_array() && !value.empty() &&
           std::all_of(value.begin(), value.end(), [](const auto& e) { return e.is_object(); });
}

}  // namespace

nlohmann::json result_view(const nlohmann::json& data, const Manifest& plugin) {
    nlohmann::json fields = nlohmann::json::array();
    nlohmann::json tables = nlohmann::json::array();
    if (!data.is_object())
        return {{"fields", fields}, {"tables", tables}, {"has_fields", false}};
    for (const auto& [key, value] : data.items()) {
        if (value.is_object())
            tables.push_back(table(key, nlohmann::json::array({value}), plugin));
        else if (is_array_of_objects(value))
            tables.push_back(table(key, value, plugin));
        else
            fields.push_back(
                {{"label", field_label(key, plugin)}, {"value", cell_text(key, value, plugin)}});
    }
    return {{"fields", fields}, {"tables", tables}, {"has_fields", !fields.empty()}};
}

}  // namespace ehall
