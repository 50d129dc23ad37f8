#include "channels/sms/sms_length.hpp"

#include <algorithm>
#include <array>

#include "channels/sms/sms_text_codec.hpp"

namespace ehall::sms {

namespace {

// GSM 03.38 basic set characters outside printable ASCII.
constexpr std::array<char32_t, 37> gsm7_basic_extra = {
    U'£', U'¥', U'è', U'é', U'ù', U'ì', U'ò', U'Ç', U'Ø', U'ø', U'Å', U'å', U'Δ',
    U'Φ', U'Γ', U'Λ', U'Ω', U'Π', U'Ψ', U'Σ', U'Θ', U'Ξ', U'Æ', U'æ', U'ß', U'É',
    U'¤', U'¡', U'Ä', U'Ö', U'Ñ', U'Ü', U'§', U'¿', U'ä', U'ö', U'ñ'};
constexpr std::array<char32_t, 3> gsm7_basic_more = {U'ü', U'à', U'\n'};
// Escaped characters: two septets each.
constexpr std::array<char32_t, 10> gsm7_extension = {U'^', U'{', U'}', U'\\', U'[',
                                                     U'~', U']', U'|', U'€',  U'\f'};

template <std::size_t N>
bool contains(const std::array<char32_t, N>& set, char32_t c) {
    return std::find(set.begin(), set.end(), c) != set.end();
}

bool is_extension(char32_t c) {
    return contains(gsm7_extension, c);
}

bool is_basic(char32_t c) {
    if (c == U'\r' || c == U'\n')
        return true;
    if (c >= 0x20 && c < 0x7F)
        return c != U'`' && !is_extension(c);
    return contains(gsm7_basic_extra, c) || contains(gsm7_basic_more, c);
}

std::u32string points_of(std::string_view text) {
    auto points = utf8_code_points(text);
    return points ? std::move(*points) : std::u32string{};
}

bool all_gsm7(const std::u32string& points) {
    return std::all_of(points.begin(), points.end(),
                       [](char32_t c) { return is_basic(c) || is_extension(c); });
}

std::size_t units_of(char32_t c, bool gsm7) {
    if (gsm7)
        return is_extension(c) ? 2 : 1;
    return c > 0xFFFF ? 2 : 1;
}

std::size_t units_of(const std::u32string& points, bool gsm7) {
    std::size_t units = 0;
    for (char32_t c : points)
        units += units_of(c, gsm7);
    return units;
}

}  // namespace

bool is_gsm7(std::string_view text) {
    return all_gsm7(points_of(text));
}

std::size_t sms_units(std::string_view text) {
    auto points = points_of(text);
    return units_of(points, all_gsm7(points));
}

std::size_t segments_needed(std::string_view text) {
    auto points = points_of(text);
    const bool gsm7 = all_gsm7(points);
    const std::size_t units = units_of(points, gsm7);
    const std::size_t segment = gsm7 ? gsm7_segment : ucs2_segment;
    return units <= segment ? 1 : (units + segment - 1) / segment;
}

std::string fit_segments(std::string_view text, std::size_t segments) {
    auto points = points_of(text);
    const bool gsm7 = all_gsm7(points);
    const std::size_t limit = segments * (gsm7 ? gsm7_segment : ucs2_segment);
    if (units_of(points, gsm7) <= limit)
        return std::string(text);
    const std::u32string ellipsis = gsm7 ? U"..." : U"…";
    const std::size_t budget = limit - units_of(ellipsis, gsm7);
    std::size_t used = 0;
    std::size_t keep = 0;
    while (keep < points.size() && used + units_of(points[keep], gsm7) <= budget)
        used += units_of(points[keep++], gsm7);
    points.resize(keep);
    return to_utf8(points + ellipsis);
}

}  // namespace ehall::sms
