// Random identifiers and secrets from the OS's CSPRNG (libsodium).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ehall {

// `bytes` random bytes as lowercase hex (2 * bytes characters).
std::string random_hex(std::size_t bytes);
// `count` uniformly random decimal digits (a one-time code).
std::string random_decimal_digits(std::size_t count);
// A 16-hex-digit id for tracing a request, not a secret: unique with overwhelming
// likelihood, and cheap (a per-thread random start stepped by SplitMix64, no system call).
std::string trace_id();
// Hex SHA-256 of `data`: how tokens are stored, so a leaked table holds no usable token.
std::string sha256_hex(std::string_view data);
// Compares in time independent of where the inputs differ.
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace ehall
