// Running the `ehall` binary as a command (the CLI tests), with both output streams.
#pragma once

#include <string>

namespace ehall::test {

struct CommandResult {
    int status = -1;
    std::string output;
};

// Runs `ehall <arguments>` through the shell without the caller's EHALL_ADMIN_TOKEN and
// EHALL_DATA_DIR, plus `environment` (NAME=value ...).
CommandResult run_ehall(const std::string& environment, const std::string& arguments);

}  // namespace ehall::test
