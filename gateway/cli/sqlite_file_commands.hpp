// Commands that work on the SQLite files themselves refuse while `store.url` names a
// PostgreSQL database, instead of reading or writing an ehall.db that no instance uses.
#pragma once

#include <string_view>

#include "gateway/config/config.hpp"

namespace ehall {

// True (after saying why on stderr) when `command` cannot run against config's store;
// `instead` is what to do on PostgreSQL.
bool refused_on_postgresql(const Config& config, std::string_view command,
                           std::string_view instead);

}  // namespace ehall
