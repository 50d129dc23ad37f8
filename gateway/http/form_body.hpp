// Form fields: application/x-www-form-urlencoded bodies (HTML forms, Kannel's sms-service)
// and query strings.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>

namespace ehall {

using FormFields = std::map<std::string, std::string, std::less<>>;

// Adds the decoded fields of `encoded` to `fields` ('+' is a space, %XX any byte, so values
// may hold raw bytes such as UTF-16BE text; a malformed escape is kept as it is). Later
// fields of the same name win.
void parse_form(std::string_view encoded, FormFields& fields);

// The value of `name`, empty when absent.
std::string form_field(const FormFields& fields, std::string_view name);

}  // namespace ehall
