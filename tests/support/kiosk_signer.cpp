#include "tests/support/kiosk_signer.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <chrono>
#include <stdexcept>

namespace ehall::test {

namespace {

std::string hex(const unsigned char* data, std::size_t size) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < size; ++i) {
        out.push_back(digits[data[i] >> 4]);
        out.push_back(digits[data[i] & 0xf]);
    }
    return out;
}

std::string sha256_hex(std::string_view data) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    if (!EVP_Digest(data.data(), data.size(), digest, &size, EVP_sha256(), nullptr))
        throw std::runtime_error("SHA-256 failed");
    return hex(digest, size);
}

std::string hmac_sha256_hex(std::string_view key, std::string_view data) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    if (!HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
              reinterpret_cast<const unsigned char*>(data.data()), data.size(), digest, &size)) {
        throw std::runtime_error("HMAC-SHA256 failed");
    }
    return hex(digest, size);
}

std::string random_nonce() {
    unsigned char bytes[16];
    if (RAND_bytes(bytes, sizeof bytes) != 1)
        throw std::runtime_error("no random bytes");
    return hex(bytes, sizeof bytes);
}

}  // namespace

Headers kiosk_signature_headers(const KioskCredentials& credentials, std::string_view method,
                                std::string_view target, std::string_view body,
                                std::int64_t unix_seconds, const std::string& nonce) {
    const std::string_view path = target.substr(0, target.find('?'));
    const std::string timestamp = std::to_string(unix_seconds);
    std::string to_sign;
    to_sign.append(method).append("\n").append(path).append("\n").append(timestamp);
    to_sign.append("\n").append(nonce).append("\n").append(sha256_hex(body));
    return {{"X-Terminal-Id", credentials.terminal_id},
            {"X-Timestamp", timestamp},
            {"X-Nonce", nonce},
            {"X-Signature", hmac_sha256_hex(credentials.key, to_sign)}};
}

Headers kiosk_signature_headers(const KioskCredentials& credentials, std::string_view method,
                                std::string_view target, std::string_view body) {
    const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
    return kiosk_signature_headers(credentials, method, target, body, now, random_nonce());
}

}  // namespace ehall::test
