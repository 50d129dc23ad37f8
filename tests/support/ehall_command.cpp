#include "tests/support/ehall_command.hpp"

#include <sys/wait.h>

#include <cstdio>
#include <stdexcept>

namespace ehall::test {

CommandResult run_ehall(const std::string& environment, const std::string& arguments) {
    std::string command = "env -u EHALL_ADMIN_TOKEN -u EHALL_DATA_DIR ";
    command.append(environment).append(" ").append(EHALL_BINARY).append(" ");
    command.append(arguments).append(" 2>&1");
    CommandResult result;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe)
        throw std::runtime_error("cannot run " + command);
    char buffer[4096];
    while (std::size_t n = fread(buffer, 1, sizeof buffer, pipe))
        result.output.append(buffer, n);
    int status = pclose(pipe);
    result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

}  // namespace ehall::test
