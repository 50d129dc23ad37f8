#include "channels/sms/command_normaliser.hpp"

#include <algorithm>
#include <array>

#include "channels/sms/sms_text_codec.hpp"

namespace ehall::sms {

namespace {

constexpr char32_t space = U' ';

bool is_unicode_space(char32_t c) {
    return c == U'\t' || c == U'\n' || c == U'\r' || c == U'\v' || c == U'\f' || c == 0x85 ||
           c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
           c == 0x202F || c == 0x205F || c == 0x3000;
}

// Invisible characters phones insert (zero-width spaces and joiners, byte-order marks).
bool is_invisible(char32_t c) {
    return (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF || c < 0x20 || c == 0x7F;
}

// Punctuation that only separates words. '?' (help) and '.' (decimal yuan) carry meaning
// and stay; '-' stays inside numbers.
bool is_separator(char32_t c) {
    static constexpr std::array<char32_t, 13> ascii = {U',', U';', U':', U'!', U'(',  U')', U'[',
                                                       U']', U'{', U'}', U'"', U'\'', U'`'};
    if (std::find(ascii.begin(), ascii.end(), c) != ascii.end())
        return true;
    return (c >= 0x3001 && c <= 0x3003) ||  // 、。〃
           (c >= 0x3008 && c <= 0x3011) ||  // 〈〉《》「」『』【】
           (c >= 0x3014 && c <= 0x301F) ||  // 〔〕〖〗〘〙〚〛〜〝〞〟
           (c >= 0x2018 && c <= 0x201F) ||  // ‘’‚‛“”„‟
           c == 0x00B7 || c == 0x2026 || c == 0x2014 || c == 0x2013 || c == 0xFF61 || c == 0xFF62 ||
           c == 0xFF63 || c == 0xFF64 || c == 0xFE50 || c == 0xFE51;
}

char32_t fold(char32_t c) {
    if (c >= 0xFF01 && c <= 0xFF5E)  // full-width ASCII
        c -= 0xFF01 - 0x21;
    if (c >= U'a' && c <= U'z')
        c -= U'a' - U'A';
    return c;
}

}  // namespace

std::string normalise_command(std::string_view text) {
    auto points = utf8_code_points(text);
    if (!points) {
        // Defensive: keep the ASCII bytes of input that was not UTF-8 after all.
        points.emplace();
        for (char byte : text) {
            if (static_cast<unsigned char>(byte) < 0x80)
                points->push_back(static_cast<unsigned char>(byte));
        }
    }
    std::u32string out;
    out.reserve(points->size());
    for (char32_t c : *points) {
        if (is_unicode_space(c)) {
            c = space;
        } else if (is_invisible(c)) {
            continue;
        }
        c = fold(c);
        if (is_separator(c))
            c = space;
        if (c == space && (out.empty() || out.back() == space))
            continue;
        out.push_back(c);
    }
    if (!out.empty() && out.back() == space)
        out.pop_back();
    return to_utf8(out);
}

}  // namespace ehall::sms
