#include "gateway/base/random_token.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <sodium.h>

#include <cstdint>
#include <stdexcept>
#include <vector>

#include "gateway/base/sodium_init.hpp"

namespace ehall {

namespace {

std::string to_hex(const unsigned char* data, std::size_t size) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out(size * 2, '0');
    for (std::size_t i = 0; i < size; ++i) {
        out[2 * i] = digits[data[i] >> 4];
        out[2 * i + 1] = digits[data[i] & 0xf];
    }
    return out;
}
}  // namespace

std::string random_hex(std::size_t bytes) {
    ensure_sodium();
    std::vector<unsigned char> buffer(bytes);
    randombytes_buf(buffer.data(), buffer.size());
    return to_hex(buffer.data(), buffer.size());
}

std::string random_decimal_digits(std::size_t count) {
    ensure_sodium();
    std::string digits(count, '0');
    for (char& digit : digits)
        digit = static_cast<char>('0' + randombytes_uniform(10));
    return digits;
}

std::string trace_id() {
    thread_local std::uint64_t state = [] {
        ensure_sodium();
        std::uint64_t seed = 0;
        randombytes_buf(&seed, sizeof seed);
        return seed;
    }();
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    z ^= z >> 31;
    unsigned char bytes[8];
    for (int i = 0; i < 8; ++i)
        bytes[i] = static_cast<unsigned char>(z >> (56 - 8 * i));
    return to_hex(bytes, sizeof bytes);
}

std::string sha256_hex(std::string_view data) {
    // Fetched once: SHA256() looks the algorithm up in OpenSSL 3's provider store on every
    // call, and a session lookup hashes its token on every request.
    static EVP_MD* const sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    if (!sha256 || EVP_Digest(data.data(), data.size(), digest, &size, sha256, nullptr) != 1)
        throw std::runtime_error("SHA-256 is unavailable");
    return to_hex(digest, size);
}

bool constant_time_equal(std::string_view a, std::string_view b) {
    // Compare digests so the length of a secret does not leak through timing either.
    std::string da = sha256_hex(a);
    std::string db = sha256_hex(b);
    return CRYPTO_memcmp(da.data(), db.data(), da.size()) == 0;
}

}  // namespace ehall
