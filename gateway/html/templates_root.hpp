// Where the templates/ folder is: next to the build/ folder holding the running `ehall`
// (the repository layout), else templates/ under the working directory.
#pragma once

#include <filesystem>

namespace ehall {

std::filesystem::path templates_root();

}  // namespace ehall
