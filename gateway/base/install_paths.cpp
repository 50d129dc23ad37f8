#include "gateway/base/install_paths.hpp"

namespace ehall {

std::filesystem::path executable_dir() {
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::path() : exe.parent_path();
}

std::filesystem::path checkout_file(const std::filesystem::path& relative) {
    const auto dir = executable_dir();
    if (dir.empty())
        return relative;
    auto beside = dir.parent_path() / relative;
    std::error_code ec;
    return std::filesystem::exists(beside, ec) ? beside : relative;
}

}  // namespace ehall
