#pragma once

#include <optional>
#include <string_view>

#include "gateway/http/exchange.hpp"

namespace ehall {

// How deep a request body may nest objects and arrays. ehall's own bodies stay within 4
// levels; the limit is what keeps a nesting bomb from recursing anywhere later (a copy, a
// comparison or a dump of the value all recurse once per level).
inline constexpr std::size_t max_json_depth = 32;

// `text` as JSON, refused (nothing) when it is not JSON (a NUL byte included) or nests
// deeper than max_json_depth. The depth is counted while parsing, so a refused document never
// exists as a value: nlohmann's parser itself keeps its nesting on the heap, not the stack.
std::optional<nlohmann::json> parse_bounded_json(std::string_view text);

// The request body as a JSON object; nothing when it is not one (or nests too deeply). An
// empty body is an empty object.
std::optional<nlohmann::json> json_object_body(const Exchange& exchange);

// Member `key` of `object` when `object` is an object holding it, else null: a field read
// without copying what it holds.
const nlohmann::json* json_member(const nlohmann::json& object, std::string_view key);
// Member `key` of `object`, or a null value when there is none: `value(key, json())` without
// the copy.
const nlohmann::json& json_field(const nlohmann::json& object, std::string_view key);
// The same of a body that may be missing (json_object_body's answer).
const nlohmann::json& json_field(const std::optional<nlohmann::json>& body, std::string_view key);
// Member `key` when it is a string, else null.
const std::string* json_string_member(const nlohmann::json& object, std::string_view key);

// Whether `key` is fit to be an idempotency key: 8 to 128 printable ASCII characters.
bool usable_idempotency_key(std::string_view key);

}  // namespace ehall
