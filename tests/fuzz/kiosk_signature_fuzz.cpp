// The kiosk API's request signature check (channels/kiosk/kiosk_signature) against a real
// store: the four X- headers, the canonical string and the HMAC, the time window and the
// nonce table. Checks: a request is accepted only when it is well-formed, from the active
// terminal, inside the window and signed with its key; such a request is always accepted
// once, and its replay never.
//
// Input (FuzzedDataProvider): which terminal, the timestamp (near the clock or any text), the
// nonce, how to sign (the right key, upper-case hex, another key, or any text), the method,
// the path and, last, the body.
#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <string>

#include "channels/kiosk/kiosk_signature.hpp"
#include "tests/fuzz/fuzz_check.hpp"
#include "tests/support/kiosk_store_fixture.hpp"

using namespace ehall;
using test::KioskStoreFixture;

namespace {

constexpr std::chrono::seconds window{300};
constexpr std::int64_t window_ms = 300'000;
constexpr const char* disabled_terminal = "KIOSK-OFF";

struct SignatureStore : KioskStoreFixture {
    KioskSignatureCheck check{store, window};
    // Moves on three windows per input, so every earlier nonce has expired and is deleted.
    std::int64_t now_ms = 1'780'000'000'000;

    SignatureStore() {
        execute("INSERT INTO terminals (id, hall, key, status) VALUES (?, 'HALL-1', ?, 'disabled')",
                {disabled_terminal, terminal_key});
    }
};

bool well_formed_nonce(const std::string& nonce) {
    return nonce.size() >= 8 && nonce.size() <= 64 &&
           std::all_of(nonce.begin(), nonce.end(),
                       [](unsigned char c) { return std::isalnum(c) || c == '_' || c == '-'; });
}

bool in_window(const std::string& timestamp, std::int64_t now_ms) {
    if (timestamp.empty() || timestamp.size() > 12 ||
        timestamp.find_first_not_of("0123456789") != std::string::npos) {
        return false;
    }
    const std::int64_t signed_ms = std::stoll(timestamp) * 1000;
    return signed_ms >= now_ms - window_ms && signed_ms <= now_ms + window_ms;
}

std::string lowercase(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static SignatureStore fixture;
    fixture.now_ms += 3 * window_ms;
    FuzzedDataProvider in(data, size);

    KioskSignedRequest request;
    switch (in.ConsumeIntegralInRange(0, 3)) {
        case 0:
            request.terminal_id = KioskStoreFixture::terminal_id;
            break;
        case 1:
            request.terminal_id = disabled_terminal;
            break;
        case 2:
            request.terminal_id = "KIOSK-NONE";
            break;
        default:
            request.terminal_id = in.ConsumeRandomLengthString(40);
    }
    if (in.ConsumeBool()) {
        const auto offset = in.ConsumeIntegralInRange<std::int64_t>(-400, 400);
        request.timestamp = std::to_string(fixture.now_ms / 1000 + offset);
    } else {
        request.timestamp = in.ConsumeRandomLengthString(16);
    }
    request.nonce = in.ConsumeRandomLengthString(70);
    const int signing = in.ConsumeIntegralInRange(0, 3);
    std::string fuzzed_signature = signing == 3 ? in.ConsumeRandomLengthString(70) : "";
    // As Beast delivers them: a method token and a target without spaces or controls.
    static constexpr const char* methods[] = {"POST", "GET", "PUT"};
    request.method = methods[in.ConsumeIntegralInRange(0, 2)];
    request.path = "/kiosk/v1/" + in.ConsumeRandomLengthString(40);
    std::replace_if(
        request.path.begin(), request.path.end(),
        [](unsigned char c) { return c <= 0x20 || c == 0x7f; }, '_');
    const std::string body = in.ConsumeRemainingBytesAsString();
    request.body = body;

    const std::string canonical =
        kiosk_string_to_sign(request.method, request.path, request.timestamp, request.nonce, body);
    const std::string right = hmac_sha256_hex(KioskStoreFixture::terminal_key, canonical);
    switch (signing) {
        case 0:
            request.signature = right;
            break;
        case 1:
            request.signature = right;
            for (char& c : request.signature)
                c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            break;
        case 2:
            request.signature = hmac_sha256_hex("another-key-0001", canonical);
            break;
        default:
            request.signature = std::move(fuzzed_signature);
    }

    const KioskVerdict verdict = fixture.check.verify(request, fixture.now_ms);
    const bool genuine = request.terminal_id == KioskStoreFixture::terminal_id &&
                         in_window(request.timestamp, fixture.now_ms) &&
                         well_formed_nonce(request.nonce) && request.signature.size() == 64 &&
                         lowercase(request.signature) == right;
    FUZZ_CHECK(verdict.accepted() == genuine);
    if (verdict.accepted()) {
        FUZZ_CHECK(verdict.terminal && verdict.terminal->active());
        const KioskVerdict replay = fixture.check.verify(request, fixture.now_ms);
        FUZZ_CHECK(!replay.accepted() && replay.problem == "X-Nonce already used");
    }
    return 0;
}
