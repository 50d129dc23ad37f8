// libsodium, initialised once before its first use (password hashes, random tokens).
#pragma once

namespace ehall {

// Throws std::runtime_error when libsodium cannot initialise. Thread-safe and cheap after
// the first call.
void ensure_sodium();

}  // namespace ehall
