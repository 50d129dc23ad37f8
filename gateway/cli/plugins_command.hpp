// `ehall plugins list|enable|disable`: through a running gateway's admin API, or with
// --offline straight in the store (for a stopped gateway).
#pragma once

#include <string>
#include <vector>

namespace ehall {

int run_plugins_command(const std::vector<std::string>& args);

}  // namespace ehall
