// Checks a request's parameters against the operation's manifest before any plugin sees
// them, so every plugin can trust its input. Numbers sent as digit strings (HTML forms,
// SMS arguments) are normalised to integers.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include <ehall/plugin.hpp>

namespace ehall {

// Why parameters were refused: the result code (a value failing its checks answers with
// the parameter's invalid_code when it declares one) and a message naming the parameter.
struct ParamProblem {
    std::string code = "bad_request";
    std::string message;
};

// Nothing when `params` is valid.
std::optional<ParamProblem> validate_params(const OperationSpec& operation, nlohmann::json& params);

bool is_mobile_number(std::string_view text);

}  // namespace ehall
