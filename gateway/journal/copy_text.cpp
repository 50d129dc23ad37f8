#include "gateway/journal/copy_text.hpp"

#include <charconv>

namespace ehall {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// The length of the valid UTF-8 sequence at the start of `s`, or 0 (RFC 3629: no overlong
// forms, no surrogates, nothing above U+10FFFF).
std::size_t utf8_sequence(std::string_view s) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    const unsigned char lead = byte(0);
    if (lead < 0x80)
        return lead == 0 ? 0 : 1;
    std::size_t n = 0;
    unsigned char low = 0x80, high = 0xBF;  // the second byte's range
    if (lead >= 0xC2 && lead <= 0xDF) {
        n = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        n = 3;
        low = lead == 0xE0 ? 0xA0 : 0x80;
        high = lead == 0xED ? 0x9F : 0xBF;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        n = 4;
        low = lead == 0xF0 ? 0x90 : 0x80;
        high = lead == 0xF4 ? 0x8F : 0xBF;
    } else {
        return 0;
    }
    if (s.size() < n || byte(1) < low || byte(1) > high)
        return 0;
    for (std::size_t i = 2; i < n; ++i) {
        if (byte(i) < 0x80 || byte(i) > 0xBF)
            return 0;
    }
    return n;
}

}  // namespace

void append_copy_text(std::string& row, std::string_view text) {
    while (!text.empty()) {
        const std::size_t n = utf8_sequence(text);
        if (n == 0) {
            row.append(kReplacement);
            text.remove_prefix(1);
            continue;
        }
        switch (text[0]) {
            case '\\':
                row.append("\\\\");
                break;
            case '\t':
                row.append("\\t");
                break;
            case '\n':
                row.append("\\n");
                break;
            case '\r':
                row.append("\\r");
                break;
            default:
                row.append(text.substr(0, n));
        }
        text.remove_prefix(n);
    }
}

void append_copy_text_or_null(std::string& row, std::string_view text) {
    if (text.empty())
        append_copy_null(row);
    else
        append_copy_text(row, text);
}

void append_copy_integer(std::string& row, std::int64_t value) {
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    row.append(digits, end);
}

void append_copy_null(std::string& row) {
    row.append("\\N");
}

}  // namespace ehall
