// The SMS commands, generated from the manifests of the operations enabled on the SMS
// channel (DESIGN §7): each operation's sms_keywords (the first canonical, the rest
// aliases), its parameters as positional arguments, plus the built-in commands. Parsing
// takes normalised text (command_normaliser.hpp).
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "gateway/dispatch/dispatcher.hpp"

namespace ehall::sms {

struct SmsCommand {
    const OperationSpec* spec = nullptr;  // the manifest's, which outlives the table
    std::string plugin;
    std::string operation;
    std::string title;
    std::string business;
    std::string template_name;
    bool needs_confirmation = false;
    std::vector<std::string> keywords{};  // normalised, canonical first
    std::vector<ParamSpec> arguments{};   // what the customer types, required ones first
    std::size_t required_arguments = 0;
    // Parameters the manifest fixes on the SMS channel (ParamSpec::fixed_on), so the
    // customer does not type them: the SMS hall pays from the bound bank card (DESIGN §7).
    nlohmann::json fixed = nlohmann::json::object();
    std::string usage{};  // e.g. "JF <金额(元)>"
};

enum class CommandKind {
    operation,    // run `command` with `params`
    usage_error,  // `command`'s keyword with arguments that do not fit it
    help,         // BZ 帮助 ? HELP
    confirm,      // Y 是
    cancel,       // N 否
    opt_out,      // TD: no marketing messages
    opt_in,       // KT alone: marketing messages again
    unknown,
};

struct ParsedCommand {
    CommandKind kind = CommandKind::unknown;
    const SmsCommand* command = nullptr;
    nlohmann::json params = nlohmann::json::object();
};

class CommandTable {
  public:
    explicit CommandTable(const std::vector<AvailableOperation>& operations);

    // `text` as normalise_command() returns it.
    ParsedCommand parse(std::string_view text) const;
    // In plugin then manifest order; operations without SMS keywords are left out.
    const std::vector<SmsCommand>& commands() const { return commands_; }
    const SmsCommand* find(std::string_view plugin, std::string_view operation) const;

  private:
    // A keyword split into its words once, for parse(); `joined` is "QQBKT" for "QQB KT".
    struct KeywordForm {
        std::size_t command = 0;
        std::size_t length = 0;
        std::vector<std::string> words{};
        std::string joined{};
    };

    std::vector<SmsCommand> commands_;
    std::vector<KeywordForm> keyword_forms_;
};

}  // namespace ehall::sms
