// Where a deployment keeps its journal and store, for the commands and pages that read or
// load them directly (reports, exports, imports).
#pragma once

#include <filesystem>
#include <string>

namespace ehall::analytics {

// Where a deployment keeps its journal and store (the config's data_dir and store.url).
struct DataPlace {
    std::filesystem::path data_dir;
    std::string store_url;  // empty: the SQLite files in data_dir
};

}  // namespace ehall::analytics
