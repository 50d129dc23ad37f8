// Service passwords at rest: libsodium argon2id strings (algorithm, parameters and salt
// inside the string), so parameters can be raised later without breaking old hashes.
#pragma once

#include <string>
#include <string_view>

namespace ehall {

// Costs about 64 MiB and tens of milliseconds; throws std::runtime_error when it fails.
std::string hash_password(std::string_view password);
// False on a wrong password and on a malformed `stored_hash`.
bool verify_password(std::string_view stored_hash, std::string_view password);
// A hash to verify against when the account is unknown, so a miss costs the same time as
// a hit and does not tell which accounts exist.
const std::string& decoy_password_hash();

}  // namespace ehall
