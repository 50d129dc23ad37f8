// The order plugins start in: every plugin after the plugins its manifest depends on,
// otherwise as configured. A dependency that is not loaded, or plugins that depend on each
// other in a cycle, stop start-up naming them.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace ehall {

struct PluginDependencies {
    std::string id;
    std::vector<std::string> depends_on;
};

// Indexes into `plugins`, dependencies first. Throws ConfigError.
std::vector<std::size_t> start_order(const std::vector<PluginDependencies>& plugins);

}  // namespace ehall
