// Every SMS reply text, rendered from the templates: operation results (the manifest's
// template with the result's data, amounts also as yuan), result codes in the SMS hall's
// words, help, usage and confirmation prompts. Length limits are applied by the caller.
#pragma once

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>

#include <ehall/plugin.hpp>
#include "channels/sms/command_table.hpp"
#include "channels/sms/sms_templates.hpp"

namespace ehall::sms {

class SmsReplies {
  public:
    explicit SmsReplies(const SmsTemplates& templates) : templates_(templates) {}

    // An SMS hall text (help.mustache, no_pending.mustache, ...).
    std::string text(const std::string& name,
                     const nlohmann::json& data = nlohmann::json::object()) const;
    // The result of running `command`: its template on success, else the code's wording
    // (error_<code>.mustache when present, error.mustache with message_for(code) otherwise;
    // bad_request shows the command's usage).
    std::string result(const SmsCommand& command, const ServiceResult& result) const;
    // The enabled commands; `unknown` when the customer's text matched none.
    std::string help(const CommandTable& table, bool unknown) const;
    std::string usage(const SmsCommand& command) const;
    // "将从银行卡交费50.00元，回复Y确认…": <template>_confirm.mustache, else confirm.mustache.
    std::string confirm_prompt(const SmsCommand& command, const nlohmann::json& params,
                               std::chrono::milliseconds ttl) const;

  private:
    const SmsTemplates& templates_;
};

}  // namespace ehall::sms
