// `ehall export interactions --from --to [--channel] --format csv|jsonl`.
#pragma once

#include <string>
#include <vector>

namespace ehall {

int run_export_command(const std::vector<std::string>& args);

}  // namespace ehall
