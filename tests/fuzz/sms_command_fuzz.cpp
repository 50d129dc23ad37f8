// The SMS hall's input path, from Kannel's request to a parsed command: form fields
// (gateway/http/form_body), the MO message with its text decoded from UTF-8, Latin-1 or
// UTF-16BE/UCS-2 (channels/sms/mo_message), the command normaliser, and the command table
// built from the real manifests with its typed arguments (sms_arguments).
//
// Input: the first byte picks the shape: even, the rest is a form (`from=..&text=..&coding=2`,
// as Kannel's get-url sends it); odd, the rest is a post-url body whose charset the byte picks.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "channels/sms/command_normaliser.hpp"
#include "channels/sms/command_table.hpp"
#include "channels/sms/mo_message.hpp"
#include "channels/sms/sms_length.hpp"
#include "channels/sms/sms_text_codec.hpp"
#include "gateway/dispatch/param_validation.hpp"
#include "tests/fuzz/fuzz_check.hpp"

using namespace ehall;

namespace {

const sms::CommandTable& command_table() {
    static const sms::CommandTable table = [] {
        std::vector<AvailableOperation> operations;
        for (const auto& [plugin, operation] : fuzz::customer_operations())
            operations.push_back({plugin, operation});
        return sms::CommandTable(operations);
    }();
    return table;
}

bool is_utf8(std::string_view text) {
    return sms::utf8_code_points(text).has_value();
}

void check_normalised(const std::string& text) {
    FUZZ_CHECK(is_utf8(text));
    FUZZ_CHECK(sms::normalise_command(text) == text);
    FUZZ_CHECK(!text.starts_with(' ') && !text.ends_with(' '));
    FUZZ_CHECK(text.find("  ") == std::string::npos);
}

bool has_param(const OperationSpec& spec, const std::string& name) {
    return std::any_of(spec.params.begin(), spec.params.end(),
                       [&](const ParamSpec& param) { return param.name == name; });
}

void check_parsed(const sms::ParsedCommand& parsed) {
    using sms::CommandKind;
    if (parsed.kind == CommandKind::usage_error)
        FUZZ_CHECK(parsed.command != nullptr);
    if (parsed.kind != CommandKind::operation)
        return;
    FUZZ_CHECK(parsed.command != nullptr && parsed.command->spec != nullptr);
    FUZZ_CHECK(parsed.params.is_object());
    const OperationSpec& spec = *parsed.command->spec;
    for (const auto& [name, value] : parsed.params.items())
        FUZZ_CHECK(has_param(spec, name));
    // As the SMS hall does before asking for a confirmation: a refusal is an answer, not a crash.
    nlohmann::json params = parsed.params;
    if (!validate_params(spec, params))
        FUZZ_CHECK(params.is_object());
    FUZZ_CHECK(!params.dump().empty());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0)
        return 0;
    const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
    FormFields fields;
    std::optional<std::string_view> body_text;
    if (data[0] % 2 == 0) {
        parse_form(rest, fields);
    } else {
        static constexpr std::string_view charsets[] = {"",      "utf-8",      "UTF-16BE",
                                                        "ucs-2", "ISO-8859-1", "windows-1252"};
        fields["from"] = "+8613800138000";
        fields["charset"] = charsets[(data[0] / 2) % std::size(charsets)];
        body_text = rest;
    }
    const sms::MoMessage mo = sms::mo_message(fields, body_text);
    if (mo.from)
        FUZZ_CHECK(is_mobile_number(*mo.from));
    if (!mo.text)
        return 0;
    FUZZ_CHECK(is_utf8(*mo.text));
    const std::string command = sms::normalise_command(*mo.text);
    check_normalised(command);
    check_parsed(command_table().parse(command));
    // Replies quote what the customer typed; they still fit three segments.
    const std::string reply = sms::fit_segments(command);
    FUZZ_CHECK(is_utf8(reply) && sms::segments_needed(reply) <= sms::max_segments);
    return 0;
}
