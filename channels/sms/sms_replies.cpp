#include "channels/sms/sms_replies.hpp"

#include "gateway/base/result_codes.hpp"
#include "gateway/base/yuan.hpp"

namespace ehall::sms {

namespace {

nlohmann::json command_fields(const SmsCommand& command) {
    return {
        {"keyword", command.keywords.front()}, {"title", command.title}, {"usage", command.usage}};
}

// The command's fields where the plugin's data has none of that name (a reward's own
// `title` wins over the operation's).
void add_command_fields(nlohmann::json& data, const SmsCommand& command) {
    const std::pair<const char*, const std::string*> fields[] = {
        {"keyword", &command.keywords.front()},
        {"title", &command.title},
        {"usage", &command.usage}};
    for (const auto& [name, value] : fields) {
        if (!data.contains(name))
            data[name] = *value;
    }
}

}  // namespace

std::string SmsReplies::text(const std::string& name, const nlohmann::json& data) const {
    return templates_.render(name, data);
}

std::string SmsReplies::result(const SmsCommand& command, const ServiceResult& result) const {
    nlohmann::json data = result.data.is_object() ? result.data : nlohmann::json::object();
    add_yuan_fields(data);
    add_command_fields(data, command);
    if (result.is_ok()) {
        if (!command.template_name.empty() && templates_.has(command.template_name))
            return templates_.render(command.template_name, data);
        if (command.spec && !command.spec->sms_reply.empty())
            return templates_.render_text(command.spec->sms_reply, data);
        return templates_.render("done", data);
    }
    if (result.code == "bad_request")
        return usage(command);
    data["code"] = result.code;
    data["message"] = std::string(message_for(result.code));
    const std::string specific = "error_" + result.code;
    return templates_.render(templates_.has(specific) ? specific : "error", data);
}

std::string SmsReplies::help(const CommandTable& table, bool unknown) const {
    nlohmann::json commands = nlohmann::json::array();
    for (const auto& command : table.commands())
        commands.push_back(command_fields(command));
    return templates_.render("help", {{"unknown", unknown}, {"commands", commands}});
}

std::string SmsReplies::usage(const SmsCommand& command) const {
    return templates_.render("usage", command_fields(command));
}

std::string SmsReplies::confirm_prompt(const SmsCommand& command, const nlohmann::json& params,
                                       std::chrono::milliseconds ttl) const {
    nlohmann::json data = params;
    add_yuan_fields(data);
    add_command_fields(data, command);
    data["ttl_minutes"] = std::chrono::ceil<std::chrono::minutes>(ttl).count();
    data["charges"] = command.spec && command.spec->charges_customer;
    const std::string own = command.template_name + "_confirm";
    if (!command.template_name.empty() && templates_.has(own))
        return templates_.render(own, data);
    if (command.spec && !command.spec->sms_confirm.empty())
        return templates_.render_text(command.spec->sms_confirm, data);
    return templates_.render("confirm", data);
}

}  // namespace ehall::sms
