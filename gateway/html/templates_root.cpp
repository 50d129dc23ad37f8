#include "gateway/html/templates_root.hpp"

#include "gateway/base/install_paths.hpp"

namespace ehall {

std::filesystem::path templates_root() {
    return checkout_file("templates");
}

}  // namespace ehall
