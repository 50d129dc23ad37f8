// Lists written as comma-separated text: config values from the environment, CLI flags
// (`--channels web,sms`), stored segment tags and brands.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ehall {

// "web,,sms" -> {"web", "sms"}: empty items are skipped, nothing else is trimmed.
std::vector<std::string> split_comma_list(std::string_view text);

}  // namespace ehall
