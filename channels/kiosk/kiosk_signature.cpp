#include "channels/kiosk/kiosk_signature.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <cctype>

#include "gateway/base/random_token.hpp"

namespace ehall {

namespace {

template <class Accept>
bool all_of(std::string_view text, Accept accept) {
    return std::all_of(text.begin(), text.end(),
                       [&accept](char c) { return accept(static_cast<unsigned char>(c)); });
}

bool digit(unsigned char c) {
    return std::isdigit(c) != 0;
}

bool hex_digit(unsigned char c) {
    return std::isxdigit(c) != 0;
}

bool nonce_char(unsigned char c) {
    return std::isalnum(c) || c == '_' || c == '-';
}

std::string lowercase(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

// What is wrong with the headers' shape, before the store is asked anything.
std::string malformed(const KioskSignedRequest& request) {
    if (request.terminal_id.empty())
        return "missing X-Terminal-Id";
    if (!valid_terminal_id(request.terminal_id))
        return "malformed X-Terminal-Id";
    if (request.timestamp.empty() || request.timestamp.size() > 12 ||
        !all_of(request.timestamp, digit)) {
        return "X-Timestamp must be unix seconds";
    }
    if (request.nonce.size() < 8 || request.nonce.size() > 64 || !all_of(request.nonce, nonce_char))
        return "X-Nonce must be 8-64 characters of [A-Za-z0-9_-]";
    if (request.signature.size() != 64 || !all_of(request.signature, hex_digit))
        return "X-Signature must be 64 hex digits (HMAC-SHA256)";
    return {};
}

}  // namespace

std::string kiosk_string_to_sign(std::string_view method, std::string_view path,
                                 std::string_view timestamp, std::string_view nonce,
                                 std::string_view body) {
    std::string text;
    text.append(method).append("\n").append(path).append("\n").append(timestamp);
    text.append("\n").append(nonce).append("\n").append(sha256_hex(body));
    return text;
}

std::string hmac_sha256_hex(std::string_view key, std::string_view data) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    if (!HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
              reinterpret_cast<const unsigned char*>(data.data()), data.size(), digest, &size)) {
        throw std::runtime_error("HMAC-SHA256 failed");
    }
    static constexpr char digits[] = "0123456789abcdef";
    std::string hex;
    for (unsigned int i = 0; i < size; ++i) {
        hex.push_back(digits[digest[i] >> 4]);
        hex.push_back(digits[digest[i] & 0xf]);
    }
    return hex;
}

KioskVerdict KioskSignatureCheck::verify(const KioskSignedRequest& request, std::int64_t now_ms) {
    KioskVerdict verdict;
    if (std::string problem = malformed(request); !problem.empty()) {
        verdict.problem = std::move(problem);
        return verdict;
    }
    verdict.terminal = registry_.find(request.terminal_id);
    if (!verdict.terminal) {
        verdict.problem = "unknown terminal";
        return verdict;
    }
    if (!verdict.terminal->active()) {
        verdict.problem = "terminal disabled";
        return verdict;
    }
    const std::int64_t signed_ms = std::stoll(request.timestamp) * 1000;
    const std::int64_t window_ms = std::chrono::milliseconds(window_).count();
    if (signed_ms < now_ms - window_ms || signed_ms > now_ms + window_ms) {
        verdict.problem = "X-Timestamp outside the allowed window";
        return verdict;
    }
    const std::string expected = hmac_sha256_hex(
        verdict.terminal->key, kiosk_string_to_sign(request.method, request.path, request.timestamp,
                                                    request.nonce, request.body));
    if (!constant_time_equal(expected, lowercase(request.signature))) {
        verdict.problem = "bad signature";
        return verdict;
    }
    // Only a correctly signed request may spend a nonce, so nobody can burn a terminal's.
    if (!remember_nonce(request.terminal_id, request.nonce, signed_ms, now_ms))
        verdict.problem = "X-Nonce already used";
    return verdict;
}

bool KioskSignatureCheck::remember_nonce(const std::string& terminal_id, const std::string& nonce,
                                         std::int64_t signed_ms, std::int64_t now_ms) {
    const std::int64_t window_ms = std::chrono::milliseconds(window_).count();
    try {
        store_.write([&](Transaction& tx) {
            // A nonce whose signed time left the window cannot be replayed anyway.
            tx.execute("DELETE FROM kiosk_nonces WHERE ts_ms < ?", {now_ms - window_ms});
            tx.execute("INSERT INTO kiosk_nonces (terminal_id, nonce, ts_ms) VALUES (?, ?, ?)",
                       {terminal_id, nonce, signed_ms});
        });
    } catch (const StoreError& e) {
        if (e.constraint())
            return false;
        throw;
    }
    return true;
}

}  // namespace ehall
