#include "channels/sms/command_table.hpp"

#include <algorithm>
#include <array>

#include "channels/sms/command_normaliser.hpp"
#include "channels/sms/sms_arguments.hpp"

namespace ehall::sms {

namespace {

struct BuiltIn {
    std::string_view word;
    CommandKind kind;
};

// Whole-message commands of the SMS hall itself (DESIGN §7).
constexpr std::array<BuiltIn, 9> built_ins = {{{"BZ", CommandKind::help},
                                               {"帮助", CommandKind::help},
                                               {"?", CommandKind::help},
                                               {"HELP", CommandKind::help},
                                               {"Y", CommandKind::confirm},
                                               {"是", CommandKind::confirm},
                                               {"N", CommandKind::cancel},
                                               {"否", CommandKind::cancel},
                                               {"TD", CommandKind::opt_out}}};

std::vector<std::string_view> split_words(std::string_view text) {
    std::vector<std::string_view> words;
    while (!text.empty()) {
        auto space = text.find(' ');
        if (space != 0)
            words.emplace_back(text.substr(0, space));
        if (space == std::string_view::npos)
            break;
        text.remove_prefix(space + 1);
    }
    return words;
}

bool ends_in_non_ascii(std::string_view word) {
    return !word.empty() && static_cast<unsigned char>(word.back()) >= 0x80;
}

// Whether `word` is `keyword` glued to an argument: any argument after a Chinese keyword
// ("充值1000…", "兑换HF10"), a number after a Latin one ("JF50"; "JFCX" stays a word).
bool glued(std::string_view keyword, std::string_view word) {
    if (word.size() <= keyword.size() || !word.starts_with(keyword))
        return false;
    const char next = word[keyword.size()];
    return ends_in_non_ascii(keyword) || (next >= '0' && next <= '9');
}

// The arguments after `keyword` when `words` start with it, else nothing.
template <typename KeywordWords>
std::optional<std::vector<std::string>> arguments_after(
    const KeywordWords& keyword, const std::vector<std::string_view>& words) {
    if (keyword.empty() || words.size() < keyword.size())
        return std::nullopt;
    const std::size_t last = keyword.size() - 1;
    for (std::size_t i = 0; i < last; ++i) {
        if (words[i] != keyword[i])
            return std::nullopt;
    }
    std::vector<std::string> arguments;
    if (words[last] != keyword[last]) {
        if (!glued(keyword[last], words[last]))
            return std::nullopt;
        arguments.emplace_back(words[last].substr(keyword[last].size()));
    }
    for (std::size_t i = last + 1; i < words.size(); ++i)
        arguments.emplace_back(words[i]);
    return arguments;
}

struct Match {
    const SmsCommand* command;
    std::size_t keyword_length;
    std::vector<std::string> arguments;
};

bool count_fits(const SmsCommand& command, std::size_t count) {
    return count >= command.required_arguments && count <= command.arguments.size();
}

}  // namespace

CommandTable::CommandTable(const std::vector<AvailableOperation>& operations) {
    for (const auto& available : operations) {
        const OperationSpec& op = *available.operation;
        if (op.sms_keywords.empty())
            continue;
        SmsCommand command{.spec = &op,
                           .plugin = available.plugin->id,
                           .operation = op.name,
                           .title = op.title,
                           .business = op.business,
                           .template_name = op.template_name,
                           .needs_confirmation = op.asks_confirmation()};
        for (const auto& spec : op.params) {
            for (const auto& fixed : spec.fixed_on) {
                if (fixed.channel == "sms")
                    command.fixed[spec.name] = fixed.value;
            }
        }
        for (const auto& keyword : op.sms_keywords) {
            std::string normalised = normalise_command(keyword);
            if (!normalised.empty())
                command.keywords.push_back(std::move(normalised));
        }
        if (command.keywords.empty())
            continue;
        for (const auto& spec : op.params) {
            if (!command.fixed.contains(spec.name))
                command.arguments.push_back(spec);
        }
        std::stable_partition(command.arguments.begin(), command.arguments.end(),
                              [](const ParamSpec& spec) { return spec.required; });
        command.required_arguments = static_cast<std::size_t>(
            std::count_if(command.arguments.begin(), command.arguments.end(),
                          [](const ParamSpec& spec) { return spec.required; }));
        command.usage = usage_of(command.keywords.front(), command.arguments);
        for (const auto& keyword : command.keywords) {
            KeywordForm form{.command = commands_.size(), .length = keyword.size()};
            for (auto word : split_words(keyword)) {
                form.words.emplace_back(word);
                form.joined.append(word);
            }
            keyword_forms_.push_back(std::move(form));
        }
        commands_.push_back(std::move(command));
    }
}

const SmsCommand* CommandTable::find(std::string_view plugin, std::string_view operation) const {
    for (const auto& command : commands_) {
        if (command.plugin == plugin && command.operation == operation)
            return &command;
    }
    return nullptr;
}

ParsedCommand CommandTable::parse(std::string_view text) const {
    for (const auto& built_in : built_ins) {
        if (text == built_in.word)
            return {.kind = built_in.kind};
    }
    const std::vector<std::string_view> words = split_words(text);
    std::vector<Match> best;
    for (const auto& form : keyword_forms_) {
        auto arguments = arguments_after(form.words, words);
        if (!arguments && form.words.size() > 1) {
            // "QQBKT" for "QQB KT": the space is easily left out.
            arguments = arguments_after(std::array<std::string_view, 1>{form.joined}, words);
        }
        if (!arguments)
            continue;
        Match match{&commands_[form.command], form.length, std::move(*arguments)};
        if (!best.empty() && match.keyword_length < best.front().keyword_length)
            continue;
        if (!best.empty() && match.keyword_length > best.front().keyword_length)
            best.clear();
        best.push_back(std::move(match));
    }
    if (best.empty()) {
        if (text == "KT")  // only when no keyword claims it: "QQB KT" opens the family package
            return {.kind = CommandKind::opt_in};
        return {};
    }
    // One keyword may name several operations told apart by their argument count
    // ("DH" lists the rewards, "DH <item>" redeems one).
    const Match* fitting = nullptr;
    for (const auto& match : best) {
        if (count_fits(*match.command, match.arguments.size())) {
            fitting = &match;
            break;
        }
    }
    if (!fitting) {
        auto widest =
            std::max_element(best.begin(), best.end(), [](const Match& a, const Match& b) {
                return a.command->arguments.size() < b.command->arguments.size();
            });
        return {.kind = CommandKind::usage_error, .command = widest->command};
    }
    auto params = convert_arguments(*fitting->command, fitting->arguments);
    if (!params)
        return {.kind = CommandKind::usage_error, .command = fitting->command};
    return {
        .kind = CommandKind::operation, .command = fitting->command, .params = std::move(*params)};
}

}  // namespace ehall::sms
