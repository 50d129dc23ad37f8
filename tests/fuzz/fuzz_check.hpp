// What the fuzz targets share: a check that stops the run (libFuzzer keeps the input as a
// crash) and the built-in plugins' real manifests.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <vector>

#include <ehall/plugin.hpp>

// Unlike assert(), stays on in Release builds.
#define FUZZ_CHECK(condition)                                                                  \
    do {                                                                                       \
        if (!(condition)) {                                                                    \
            std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #condition); \
            std::abort();                                                                      \
        }                                                                                      \
    } while (false)

namespace ehall::fuzz {

// billing, family, points and offers, from the plugins' own manifest functions.
const std::vector<Manifest>& builtin_manifests();

// Their operations a customer may call (internal ones left out), in plugin then manifest order.
struct CustomerOperation {
    const Manifest* plugin;
    const OperationSpec* operation;
};
const std::vector<CustomerOperation>& customer_operations();

}  // namespace ehall::fuzz
