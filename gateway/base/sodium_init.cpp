#include "gateway/base/sodium_init.hpp"

#include <sodium.h>

#include <stdexcept>

namespace ehall {

void ensure_sodium() {
    // sodium_init() is itself thread-safe; the static keeps it off the hot path.
    static const bool ready = sodium_init() >= 0;
    if (!ready)
        throw std::runtime_error("libsodium failed to initialise");
}

}  // namespace ehall
