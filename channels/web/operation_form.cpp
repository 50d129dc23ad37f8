#include "channels/web/operation_form.hpp"

#include "gateway/dispatch/param_validation.hpp"
#include "gateway/html/field_words.hpp"

namespace ehall {

namespace {

std::string range_text(const ParamSpec& spec) {
    return std::to_string(spec.min) + " 到 " + std::to_string(spec.max);
}

// What to tell a person whose value the shared validator refused.
std::string field_message(const ParamSpec& spec) {
    switch (spec.type) {
        case ParamType::integer:
        case ParamType::amount:
            return spec.max > spec.min ? "请输入 " + range_text(spec) + " 之间的整数"
                                       : std::string("请输入正整数");
        case ParamType::msisdn:
            return "请输入11位手机号码";
        case ParamType::phone:
            return "请输入7到12位的电话号码（固话请带区号）";
        case ParamType::digits:
            return spec.max == spec.min ? "请输入" + std::to_string(spec.min) + "位数字"
                                        : "请输入" + range_text(spec) + "位数字";
        case ParamType::choice:
            return "请从列表中选择";
        case ParamType::text:
        case ParamType::json:  // admin operations only, never on a customer's form
            break;
    }
    return "最多" + std::to_string(spec.max_length) + "个字符，不能含控制字符";
}

// Checks one field with the gateway's validator (the rules the dispatcher applies too).
std::optional<std::string> check_field(const ParamSpec& spec, nlohmann::json& value) {
    OperationSpec single;
    single.params = {spec};
    nlohmann::json params = {{spec.name, value}};
    if (validate_params(single, params))
        return field_message(spec);
    value = params[spec.name];
    return std::nullopt;
}

// The first choice is preselected until the customer picks one.
nlohmann::json choice_options(const Manifest& plugin, const ParamSpec& spec,
                              const std::string& selected) {
    nlohmann::json options = nlohmann::json::array();
    for (const auto& choice : spec.choices) {
        bool is_selected = selected.empty() ? options.empty() : choice == selected;
        options.push_back({{"value", choice},
                           {"label", value_label(choice, &plugin)},
                           {"selected", is_selected}});
    }
    return options;
}

void add_input_attributes(const ParamSpec& spec, nlohmann::json& field) {
    switch (spec.type) {
        case ParamType::integer:
        case ParamType::amount:
            field["input_type"] = "number";
            field["inputmode"] = "numeric";
            if (spec.max > spec.min) {
                field["min"] = spec.min;
                field["max"] = spec.max;
            }
            break;
        case ParamType::msisdn:
            field["input_type"] = "tel";
            field["pattern"] = "1[3-9][0-9]{9}";
            field["maxlength"] = 11;
            break;
        case ParamType::phone:
            field["input_type"] = "tel";
            field["pattern"] = "[0-9]{7,12}";
            field["maxlength"] = 12;
            break;
        case ParamType::digits:
            field["input_type"] = "text";
            field["inputmode"] = "numeric";
            if (spec.max > 0) {
                field["pattern"] =
                    "[0-9]{" + std::to_string(spec.min) + "," + std::to_string(spec.max) + "}";
                field["maxlength"] = spec.max;
            }
            break;
        case ParamType::text:
        case ParamType::choice:
        case ParamType::json:
            field["input_type"] = "text";
            field["maxlength"] = spec.max_length;
            break;
    }
}

}  // namespace

FormReading read_operation_form(const OperationSpec& operation, const FormFields& form) {
    FormReading reading;
    for (const auto& spec : operation.params) {
        auto it = form.find(spec.name);
        if (it == form.end() || it->second.empty()) {
            if (spec.required)
                reading.errors[spec.name] = "请填写" + spec.label;
            continue;
        }
        nlohmann::json value = it->second;
        if (auto problem = check_field(spec, value))
            reading.errors[spec.name] = *problem;
        else
            reading.params[spec.name] = std::move(value);
    }
    return reading;
}

nlohmann::json form_fields(const Manifest& plugin, const OperationSpec& operation,
                           const FormFields& values,
                           const std::map<std::string, std::string>& errors) {
    nlohmann::json fields = nlohmann::json::array();
    for (const auto& spec : operation.params) {
        auto value = values.find(spec.name);
        auto error = errors.find(spec.name);
        nlohmann::json field = {
            {"name", spec.name},
            {"id", "field-" + spec.name},
            {"label", spec.label.empty() ? spec.name : spec.label},
            {"required", spec.required},
            {"value", value == values.end() ? std::string() : value->second},
            {"hint", field_message(spec)},
        };
        // false, not absent: mustache would find the page's own `error` instead.
        field["error"] =
            error != errors.end() ? nlohmann::json(error->second) : nlohmann::json(false);
        if (spec.type == ParamType::choice) {
            field["is_choice"] = true;
            field["options"] =
                choice_options(plugin, spec, value == values.end() ? "" : value->second);
        } else {
            add_input_attributes(spec, field);
        }
        fields.push_back(std::move(field));
    }
    return fields;
}

}  // namespace ehall
