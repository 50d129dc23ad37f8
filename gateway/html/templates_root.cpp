#include "gateway/html/templates_root.hpp"

namespace ehall {

std::filesystem::path templates_root() {
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    auto beside = exe.parent_path().parent_path() / "templates";
    return !ec && std::filesystem::is_directory(beside) ? beside : "templates";
}

}  // namespace ehall
