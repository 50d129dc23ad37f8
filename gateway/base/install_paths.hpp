// Where the files that come with the binary are. `build/ehall` sits in the build directory
// of a checkout: the plugin modules beside it (build/plugins), the checkout's templates/ and
// config/ one level up. Run from elsewhere, the paths fall back to the working directory.
#pragma once

#include <filesystem>

namespace ehall {

// The directory of the running binary; empty when the system does not say.
std::filesystem::path executable_dir();

// `relative` (e.g. "templates", "config/ehall.json") in the checkout the binary was
// built in, when it exists there; else `relative` itself, from the working directory.
std::filesystem::path checkout_file(const std::filesystem::path& relative);

}  // namespace ehall
