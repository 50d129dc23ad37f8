#include "gateway/dispatch/param_validation.hpp"

#include <algorithm>
#include <charconv>
#include <limits>

namespace ehall {

namespace {

bool all_digits(std::string_view text) {
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool has_control_characters(std::string_view text) {
    return std::any_of(text.begin(), text.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

std::optional<std::string> check_integer(const ParamSpec& spec, nlohmann::json& value) {
    std::int64_t number = 0;
    if (value.is_number_unsigned() &&
        value.get<std::uint64_t>() > std::uint64_t{std::numeric_limits<std::int64_t>::max()}) {
        // Would wrap to a negative int64.
        return "parameter '" + spec.name + "' is out of range";
    }
    if (value.is_number_integer()) {
        number = value.get<std::int64_t>();
    } else if (value.is_string()) {
        const std::string& text = value.get_ref<const std::string&>();
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
        if (text.empty() || ec != std::errc() || end != text.data() + text.size()) {
            return "parameter '" + spec.name + "' must be a whole number";
        }
    } else {
        return "parameter '" + spec.name + "' must be a whole number";
    }
    if (spec.type == ParamType::amount && number <= 0) {
        return "parameter '" + spec.name + "' must be a positive amount in fen";
    }
    if (spec.max > spec.min && (number < spec.min || number > spec.max)) {
        return "parameter '" + spec.name + "' must be between " + std::to_string(spec.min) +
               " and " + std::to_string(spec.max);
    }
    value = number;
    return std::nullopt;
}

std::optional<std::string> check_string(const ParamSpec& spec, const nlohmann::json& value) {
    if (!value.is_string())
        return "parameter '" + spec.name + "' must be a string";
    const std::string& text = value.get_ref<const std::string&>();
    switch (spec.type) {
        case ParamType::text:
            if (text.size() > spec.max_length || has_control_characters(text)) {
                return "parameter '" + spec.name + "' is too long or has control characters";
            }
            return std::nullopt;
        case ParamType::msisdn:
            if (!is_mobile_number(text)) {
                return "parameter '" + spec.name + "' must be an 11-digit mobile number";
            }
            return std::nullopt;
        case ParamType::phone:
            if (!all_digits(text) || text.size() < 7 || text.size() > 12) {
                return "parameter '" + spec.name + "' must be a phone number";
            }
            return std::nullopt;
        case ParamType::digits: {
            auto length = static_cast<std::int64_t>(text.size());
            if (!all_digits(text) || (spec.max > 0 && (length < spec.min || length > spec.max))) {
                std::string lengths = std::to_string(spec.min);
                if (spec.max != spec.min)
                    lengths.append("-").append(std::to_string(spec.max));
                return "parameter '" + spec.name + "' must be " + lengths + " digits";
            }
            return std::nullopt;
        }
        case ParamType::choice:
            if (std::find(spec.choices.begin(), spec.choices.end(), text) == spec.choices.end()) {
                std::string allowed;
                for (const auto& choice : spec.choices) {
                    if (!allowed.empty())
                        allowed.append(", ");
                    allowed.append(choice);
                }
                return "parameter '" + spec.name + "' must be one of " + allowed;
            }
            return std::nullopt;
        default:
            return std::nullopt;
    }
}

}  // namespace

bool is_mobile_number(std::string_view text) {
    return text.size() == 11 && all_digits(text) && text[0] == '1' && text[1] >= '3';
}

std::optional<ParamProblem> validate_params(const OperationSpec& operation,
                                            nlohmann::json& params) {
    if (params.is_null())
        params = nlohmann::json::object();
    if (!params.is_object())
        return ParamProblem{.message = "parameters must be a JSON object"};
    for (const auto& item : params.items()) {
        const std::string& name = item.key();  // clang 14 cannot capture a structured binding
        bool known = std::any_of(operation.params.begin(), operation.params.end(),
                                 [&](const ParamSpec& spec) { return spec.name == name; });
        if (!known)
            return ParamProblem{.message = "unknown parameter '" + name + "'"};
    }
    for (const auto& spec : operation.params) {
        auto it = params.find(spec.name);
        if (it == params.end() || it->is_null()) {
            if (spec.required)
                return ParamProblem{.message = "missing parameter '" + spec.name + "'"};
            params.erase(spec.name);
            continue;
        }
        if (spec.type == ParamType::json)
            continue;  // any value; the request body's size and depth were bounded already
        auto problem = (spec.type == ParamType::integer || spec.type == ParamType::amount)
                           ? check_integer(spec, *it)
                           : check_string(spec, *it);
        if (problem) {
            return ParamProblem{
                .code = spec.invalid_code.empty() ? "bad_request" : spec.invalid_code,
                .message = std::move(*problem)};
        }
    }
    return std::nullopt;
}

}  // namespace ehall
