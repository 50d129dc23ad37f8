// Text as it arrives from the SMSC and leaves in replies: UTF-16BE (UCS-2 messages),
// Latin-1 and UTF-8 decoded to code points, and code points encoded back to UTF-8.
// Nothing here guesses: text that is not valid in its declared encoding is refused.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ehall::sms {

// Raw UTF-16BE bytes (UCS-2, with surrogate pairs allowed) as UTF-8. A leading byte-order
// mark is dropped. Nothing for an odd length or a lone surrogate.
std::optional<std::string> utf16be_to_utf8(std::string_view bytes);

// ISO-8859-1 bytes as UTF-8 (every byte is a valid character).
std::string latin1_to_utf8(std::string_view bytes);

// The code points of well-formed UTF-8; nothing for invalid input (overlong forms,
// surrogates, truncated sequences, values past U+10FFFF).
std::optional<std::u32string> utf8_code_points(std::string_view text);

// Appends `code_point` to `out` as UTF-8.
void append_utf8(std::string& out, char32_t code_point);
std::string to_utf8(std::u32string_view code_points);

}  // namespace ehall::sms
