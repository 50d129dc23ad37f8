// The web form of an operation, generated from its manifest: one field per typed parameter
// (with the browser's own checks: required, min/max, pattern), and reading a posted form
// back into parameters with a Chinese message on each field that is wrong.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include <ehall/plugin.hpp>
#include "gateway/http/form_body.hpp"

namespace ehall {

struct FormReading {
    nlohmann::json params = nlohmann::json::object();  // validated, numbers as integers
    std::map<std::string, std::string> errors;         // field name -> message
    bool ok() const { return errors.empty(); }
};

// Reads the operation's fields from `form` (other fields are ignored); an empty optional
// field is left out, as if not sent.
FormReading read_operation_form(const OperationSpec& operation, const FormFields& form);

// The fields for the form template: name, label, input attributes, the value to show
// again and its error; choices in the words of `plugin`, the operation's.
nlohmann::json form_fields(const Manifest& plugin, const OperationSpec& operation,
                           const FormFields& values,
                           const std::map<std::string, std::string>& errors);

}  // namespace ehall
