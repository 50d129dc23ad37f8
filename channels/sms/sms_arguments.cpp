#include "channels/sms/sms_arguments.hpp"

#include <algorithm>
#include <charconv>

#include "gateway/base/yuan.hpp"

namespace ehall::sms {

namespace {

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) {
        return static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    });
    return text;
}

std::optional<nlohmann::json> convert(const ParamSpec& spec, const std::string& word) {
    switch (spec.type) {
        case ParamType::amount: {
            auto fen = parse_yuan(word);
            if (!fen)
                return std::nullopt;
            return *fen;
        }
        case ParamType::integer: {
            std::int64_t value = 0;
            auto [end, ec] = std::from_chars(word.data(), word.data() + word.size(), value);
            if (word.empty() || ec != std::errc() || end != word.data() + word.size())
                return std::nullopt;
            return value;
        }
        case ParamType::choice: {
            std::string choice = lower(word);
            if (std::find(spec.choices.begin(), spec.choices.end(), choice) == spec.choices.end())
                return std::nullopt;
            return choice;
        }
        default:
            return word;
    }
}

}  // namespace

std::optional<nlohmann::json> convert_arguments(const SmsCommand& command,
                                                const std::vector<std::string>& words) {
    nlohmann::json params = command.fixed;
    for (std::size_t i = 0; i < words.size() && i < command.arguments.size(); ++i) {
        auto value = convert(command.arguments[i], words[i]);
        if (!value)
            return std::nullopt;
        params[command.arguments[i].name] = std::move(*value);
    }
    return params;
}

std::string usage_of(const std::string& keyword, const std::vector<ParamSpec>& arguments) {
    std::string usage = keyword;
    for (const auto& spec : arguments) {
        std::string label = spec.type == ParamType::amount ? "金额(元)"
                            : spec.label.empty()           ? spec.name
                                                           : spec.label;
        usage.append(spec.required ? " <" : " [").append(label).append(spec.required ? ">" : "]");
    }
    return usage;
}

}  // namespace ehall::sms
