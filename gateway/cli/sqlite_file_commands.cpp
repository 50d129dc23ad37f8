#include "gateway/cli/sqlite_file_commands.hpp"

#include <iostream>

namespace ehall {

bool refused_on_postgresql(const Config& config, std::string_view command,
                           std::string_view instead) {
    if (config.store.url.empty())
        return false;
    std::cerr << "ehall " << command
              << ": works on the SQLite files in the data dir, but store.url names a "
                 "PostgreSQL database; "
              << instead << "\n";
    return true;
}

}  // namespace ehall
