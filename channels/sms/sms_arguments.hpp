// Typed SMS arguments: the words after a keyword become an operation's parameters, in
// order. Amounts are texted in yuan; numbers that are identifiers (phone numbers, PINs)
// stay strings so leading zeros survive.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "channels/sms/command_table.hpp"

namespace ehall::sms {

// The parameters for `command` (its fixed ones included), or nothing when an argument
// does not fit its type (e.g. "50.555" for an amount). The count must already fit.
std::optional<nlohmann::json> convert_arguments(const SmsCommand& command,
                                                const std::vector<std::string>& words);

// "JF <金额(元)>", "QQB TJ <亲情号码> [亲情包编号]".
std::string usage_of(const std::string& keyword, const std::vector<ParamSpec>& arguments);

}  // namespace ehall::sms
