#include "gateway/base/password_hash.hpp"

#include <sodium.h>

#include <stdexcept>

#include "gateway/base/sodium_init.hpp"

namespace ehall {

std::string hash_password(std::string_view password) {
    ensure_sodium();
    char out[crypto_pwhash_argon2id_STRBYTES];
    if (crypto_pwhash_argon2id_str(out, password.data(), password.size(),
                                   crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE,
                                   crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE) != 0) {
        throw std::runtime_error("password hashing failed (out of memory)");
    }
    return out;
}

bool verify_password(std::string_view stored_hash, std::string_view password) {
    ensure_sodium();
    // libsodium wants a NUL-terminated string shorter than STRBYTES.
    char hash[crypto_pwhash_STRBYTES] = {};
    if (stored_hash.size() >= sizeof hash || stored_hash.find('\0') != std::string_view::npos) {
        return false;
    }
    stored_hash.copy(hash, stored_hash.size());
    return crypto_pwhash_str_verify(hash, password.data(), password.size()) == 0;
}

const std::string& decoy_password_hash() {
    static const std::string hash = hash_password("decoy-password");
    return hash;
}

}  // namespace ehall
