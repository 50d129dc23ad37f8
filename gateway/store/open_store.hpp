// The store the configuration names: SQLite files in the data dir, or the PostgreSQL
// database of `store.url` (DESIGN §9). Every command that reads or writes the store opens
// it here, so `serve`, `import`, `plugins --offline` and `terminals` agree.
#pragma once

#include <memory>
#include <string>

#include "gateway/config/config.hpp"
#include "gateway/store/host_store.hpp"

namespace ehall {

// Throws StoreError (naming the URL without its password) when it cannot be opened.
std::unique_ptr<HostStore> open_store(const Config& config);

// "SQLite <file>" or "PostgreSQL <URL without its password>", for logs.
std::string describe_store(const Config& config);

}  // namespace ehall
