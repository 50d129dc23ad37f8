// A plugin's config section (`plugins.config.<id>`) checked against a JSON Schema (draft 7)
// with valijson, so a plugin declares the keys and types it accepts instead of checking
// them by hand. Heavy to compile: include it in the one file that reads the config.
#pragma once

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
// GCC 12 warns, wrongly, about std::string::replace inlined from valijson's JSON pointers
// (GCC bug 105651).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

namespace ehall {

namespace config_schema_detail {

// "<root>", "[fees]", "[0]" -> "fees.0"
inline std::string key_path(const std::vector<std::string>& context) {
    std::string path;
    for (const auto& part : context) {
        if (part == "<root>")
            continue;
        std::string name = part;
        if (name.size() >= 2 && name.front() == '[' && name.back() == ']')
            name = name.substr(1, name.size() - 2);
        if (name.size() >= 2 && name.front() == '"' && name.back() == '"')
            name = name.substr(1, name.size() - 2);
        path.append(path.empty() ? "" : ".").append(name);
    }
    return path;
}

// valijson names an unknown key only inside its description: "... constraints: 'typo'."
inline std::string unknown_key(const std::string& description) {
    if (description.find("'additionalProperties'") == std::string::npos)
        return {};
    const auto end = description.rfind('\'');
    const auto start = end == std::string::npos ? end : description.rfind('\'', end - 1);
    return start == std::string::npos ? std::string()
                                      : description.substr(start + 1, end - start - 1);
}

}  // namespace config_schema_detail

// Returns normally when `section` (null counts as {}) satisfies `schema`; else throws
// std::invalid_argument naming the first offending key: "key 'monthly_fee_fen': Expected
// number greater than or equal to 0", "unknown key 'typo'". The host prefixes the section.
inline void check_config(const nlohmann::json& section, const nlohmann::json& schema) {
    valijson::Schema parsed;
    valijson::SchemaParser parser;
    valijson::adapters::NlohmannJsonAdapter schema_document(schema);
    parser.populateSchema(schema_document, parsed);

    const nlohmann::json value = section.is_null() ? nlohmann::json::object() : section;
    valijson::adapters::NlohmannJsonAdapter document(value);
    valijson::Validator validator;
    valijson::ValidationResults results;
    if (validator.validate(parsed, document, &results))
        return;
    valijson::ValidationResults::Error error;
    results.popError(error);  // the deepest first: it names the key
    const std::string unknown = config_schema_detail::unknown_key(error.description);
    if (!unknown.empty())
        throw std::invalid_argument("unknown key '" + unknown + "'");
    const std::string path = config_schema_detail::key_path(error.context);
    throw std::invalid_argument((path.empty() ? std::string("the section") : "key '" + path + "'") +
                                ": " + error.description);
}

}  // namespace ehall
