#include "channels/sms/mo_message.hpp"

#include <algorithm>
#include <cctype>

#include "channels/sms/sms_text_codec.hpp"
#include "gateway/dispatch/param_validation.hpp"

namespace ehall::sms {

namespace {

std::string upper(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return out;
}

}  // namespace

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
    mo.raw_from = form_field(fields, "from");
    mo.from = normalise_msisdn(mo.raw_from);
    mo.to = form_field(fields, "to").substr(0, 21);
    mo.id = form_field(fields, "id");
    const bool has_text = fields.find("text") != fields.end();
    const std::string raw =
        has_text || !body_text ? form_field(fields, "text") : std::string(*body_text);
    mo.text = decode_text(raw, form_field(fields, "coding"), form_field(fields, "charset"));
    return mo;
}

}  // namespace ehall::sms
