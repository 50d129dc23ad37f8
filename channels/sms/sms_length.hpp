// How long a reply may be (DESIGN §7): a segment holds 160 GSM-7 septets when every
// character is in the GSM 03.38 alphabet, else 70 UCS-2 code units; a reply is at most
// three segments. Longer replies are cut at a character boundary and end in an ellipsis.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ehall::sms {

inline constexpr std::size_t gsm7_segment = 160;
inline constexpr std::size_t ucs2_segment = 70;
inline constexpr std::size_t max_segments = 3;

// Whether `text` (UTF-8) can go out in the GSM-7 default alphabet (basic set plus the
// escaped extension characters).
bool is_gsm7(std::string_view text);

// Septets for GSM-7 text (extension characters count two), else UTF-16 code units.
std::size_t sms_units(std::string_view text);

// Segments `text` needs: 1 for up to 160/70 units, else ceil(units / segment size).
std::size_t segments_needed(std::string_view text);

// `text` when it fits `segments`, else its longest prefix that fits followed by "…"
// ("..." for GSM-7 text, which keeps it in the cheaper alphabet).
std::string fit_segments(std::string_view text, std::size_t segments = max_segments);

}  // namespace ehall::sms
