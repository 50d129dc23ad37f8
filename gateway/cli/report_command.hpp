// `ehall report <name> [options] [--format table|csv|json]` (DESIGN §6a).
#pragma once

#include <string>
#include <vector>

namespace ehall {

int run_report_command(const std::vector<std::string>& args);

}  // namespace ehall
