#include "channels/sms/mo_message.hpp"

#include <algorithm>
#include <cctype>

#include "channels/sms/sms_text_codec.hpp"
#include "gateway/param_validation.hpp"

namespace ehall::sms {

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

std::string percent_decode(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '+') {
            out.push_back(' ');
        } else if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 &&
                   hex_value(text[i + 2]) >= 0) {
            out.push_back(static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2])));
            i += 2;
        } else {
            out.push_back(text[i]);
        }
    }
    return out;
}

std::string upper(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return out;
}

std::string field(const FormFields& fields, std::string_view name) {
    auto it = fields.find(name);
    return it == fields.end() ? std::string{} : it->second;
}

}  // namespace

void parse_form(std::string_view encoded, FormFields& fields) {
    while (!encoded.empty()) {
        const auto amp = encoded.find('&');
        const std::string_view pair = encoded.substr(0, amp);
        encoded = amp == std::string_view::npos ? std::string_view{} : encoded.substr(amp + 1);
        if (pair.empty())
            continue;
        const auto eq = pair.find('=');
        std::string name = percent_decode(pair.substr(0, eq));
        std::string value =
            eq == std::string_view::npos ? std::string{} : percent_decode(pair.substr(eq + 1));
        fields[std::move(name)] = std::move(value);
    }
}

std::optional<std::string> normalise_msisdn(std::string_view from) {
    while (!from.empty() && from.front() == ' ')
        from.remove_prefix(1);
    while (!from.empty() && from.back() == ' ')
        from.remove_suffix(1);
    std::string number(from);
    for (std::string_view prefix : {"+86", "0086", "86"}) {
        if (number.size() == 11 + prefix.size() && number.starts_with(prefix)) {
            number.erase(0, prefix.size());
            break;
        }
    }
    if (!is_mobile_number(number))
        return std::nullopt;
    return number;
}

std::optional<std::string> decode_text(std::string_view raw, std::string_view coding,
                                       std::string_view charset) {
    const std::string name = upper(charset);
    const bool utf16 = name == "UTF-16BE" || name == "UCS-2" || name == "UCS2" ||
                       name == "UTF-16" || name == "UCS-2BE" || (name.empty() && coding == "2");
    if (utf16)
        return utf16be_to_utf8(raw);
    if (name == "ISO-8859-1" || name == "LATIN1" || name == "WINDOWS-1252")
        return latin1_to_utf8(raw);
    if (!utf8_code_points(raw))
        return std::nullopt;
    return std::string(raw);
}

MoMessage mo_message(const FormFields& fields, std::optional<std::string_view> body_text) {
    MoMessage mo;
    mo.raw_from = field(fields, "from");
    mo.from = normalise_msisdn(mo.raw_from);
    mo.to = field(fields, "to").substr(0, 21);
    mo.id = field(fields, "id");
    const bool has_text = fields.find("text") != fields.end();
    const std::string raw =
        has_text || !body_text ? field(fields, "text") : std::string(*body_text);
    mo.text = decode_text(raw, field(fields, "coding"), field(fields, "charset"));
    return mo;
}

}  // namespace ehall::sms
