// `ehall backup --to DIR`: online copies of ehall.db and journal.db while the gateway runs.
#pragma once

#include <string>
#include <vector>

namespace ehall {

int run_backup_command(const std::vector<std::string>& args);

}  // namespace ehall
