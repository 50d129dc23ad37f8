// `ehall import events|customers|segments FILE.csv [--skip-bad]` (DESIGN §6a).
#pragma once

#include <string>
#include <vector>

namespace ehall {

int run_import_command(const std::vector<std::string>& args);

}  // namespace ehall
