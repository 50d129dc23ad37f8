#include "gateway/http/json_body.hpp"

#include <algorithm>

namespace ehall {

std::optional<nlohmann::json> parse_bounded_json(std::string_view text) {
    // nlohmann stops reading at a NUL byte, which JSON text never holds: refused, so that
    // nothing after one is silently ignored.
    if (text.find('\0') != std::string_view::npos)
        return std::nullopt;
    bool too_deep = false;
    // The callback sees each value start with its depth; from the first one too deep on,
    // everything is discarded, so nothing nested is ever built.
    auto value = nlohmann::json::parse(
        text,
        [&too_deep](int depth, nlohmann::json::parse_event_t event, nlohmann::json&) {
            if ((event == nlohmann::json::parse_event_t::object_start ||
                 event == nlohmann::json::parse_event_t::array_start) &&
                static_cast<std::size_t>(depth) >= max_json_depth) {
                too_deep = true;
            }
            return !too_deep;
        },
        false);
    if (too_deep || value.is_discarded())
        return std::nullopt;
    return value;
}

std::optional<nlohmann::json> json_object_body(const Exchange& exchange) {
    const std::string& body = exchange.request.body();
    if (std::all_of(body.begin(), body.end(),
                    [](char c) { return std::isspace(static_cast<unsigned char>(c)); })) {
        return nlohmann::json::object();
    }
    auto value = parse_bounded_json(body);
    if (!value || !value->is_object())
        return std::nullopt;
    return value;
}

const nlohmann::json* json_member(const nlohmann::json& object, std::string_view key) {
    if (!object.is_object())
        return nullptr;
    auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

const nlohmann::json& json_field(const nlohmann::json& object, std::string_view key) {
    static const nlohmann::json absent;
    const nlohmann::json* member = json_member(object, key);
    return member ? *member : absent;
}

const nlohmann::json& json_field(const std::optional<nlohmann::json>& body, std::string_view key) {
    static const nlohmann::json absent;
    return body ? json_field(*body, key) : absent;
}

const std::string* json_string_member(const nlohmann::json& object, std::string_view key) {
    const nlohmann::json* member = json_member(object, key);
    return member && member->is_string() ? &member->get_ref<const std::string&>() : nullptr;
}

bool usable_idempotency_key(std::string_view key) {
    return key.size() >= 8 && key.size() <= 128 &&
           std::all_of(key.begin(), key.end(), [](char c) { return c > 0x20 && c < 0x7f; });
}

}  // namespace ehall
